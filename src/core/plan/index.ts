/**
 * Planning the next step: practice projects the scanner verifies, the job-advert comparison, the
 * certification planner and pacing, and the page parts that show them. Pure: no `vscode`, no fs;
 * the shell and the CLI hand it the roadmap, the repositories' evidence and the user's marks.
 */

export * from './repository';
export * from './projects';
export * from './gaps';
export * from './jobAdvert';
export * from './certifications';
export * from './pacing';
export * from './pages';
export type * from './pageViews';
