/**
 * Planning the next step: practice projects the scanner verifies, the job-advert comparison, the
 * certification planner and pacing. Pure: no `vscode`, no fs; the shell and the CLI hand it the
 * roadmap, the repositories' evidence and the user's marks.
 */

import type { WhatsNext } from '../insights';

export * from './repository';
export * from './projects';
export * from './jobAdvert';
export * from './certifications';
export * from './pacing';

/**
 * The skills still open on the way ahead: missing for the next stage or the target role, and not
 * skipped by the user. Empty when neither is set.
 */
export function openGapIds(next: WhatsNext): Set<string> {
  const steps = [next.nextStage, next.target].filter((s) => s !== undefined);
  return new Set(
    steps
      .flatMap((s) => [...s.missing, ...s.listedAbove])
      .filter((g) => g.status !== 'skipped')
      .map((g) => g.skill.id),
  );
}
