/**
 * The skills report: building it (`build.ts`), its Markdown rendering (`markdown.ts`), and reading a
 * report back as progress to import (`import.ts`). Pure: no `vscode`, no fs.
 */

export * from './build';
export * from './markdown';
export * from './import';
