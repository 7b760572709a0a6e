/**
 * The Career Tree's words that need more than a title: a stage row's Markdown hover (years,
 * salaries, progress, milestone) and a salary in a row's description that says which country its
 * figures are from when they are not in the currency asked for. Pure: the shell wraps the strings
 * in `MarkdownString`s.
 */

import type { Currency, LadderLevel, Stage } from './model';
import type { Completion } from './progress';
import { byPreference, formatSalary, formatSalaryShort, formatYears, salaryShown } from './format';
import { escapeMarkdown } from './report/markdown';

/**
 * "£60K–80K · UK figures only" where `preferred` is USD and the source gives GBP only (the ladders);
 * "$60K–85K" where the preferred currency is there. Undefined when there is no figure at all.
 */
export function salaryDescription(ranges: Stage['salary'], preferred: Currency): string | undefined {
  const shown = salaryShown(ranges, preferred);
  if (!shown) return undefined;
  return [formatSalaryShort(shown.range), shown.note].filter(Boolean).join(' · ');
}

/** Every salary range, the preferred currency first, with its qualifier: "£40,000 – £55,000 · $60,000 – $85,000 (London)" (figures are ours; only the qualifier is data text). */
function allSalaries(ranges: Stage['salary'], preferred: Currency): string {
  return byPreference(ranges, preferred)
    .map((r) => `${formatSalary(r)}${r.note ? ` (${escapeMarkdown(r.note)})` : ''}`)
    .join(' · ');
}

/** "3 of 12 skills practiced, 2 marked done", or that none are yet. */
export function completionInWords(c: Completion): string {
  if (c.total === 0) return 'no skills listed';
  const done = c.done > 0 ? `, ${c.done} marked done` : '';
  return `${c.practiced} of ${c.total} skills practiced${done}`;
}

export interface StageHoverFacts {
  stage: Stage;
  stageCount: number;
  completion: Completion;
  preferred: Currency;
  isCurrent: boolean;
  isTarget: boolean;
}

/** The stage row's hover, as Markdown: every line a person reads before opening the page. */
export function stageHoverMarkdown(f: StageHoverFacts): string {
  const { stage } = f;
  const lines = [`**${escapeMarkdown(stage.title)}** · stage ${stage.order} of ${f.stageCount}`];
  const mark = [f.isCurrent ? 'you are here' : '', f.isTarget ? 'your target' : ''].filter(Boolean).join(', ');
  if (mark) lines.push(`_${mark[0].toUpperCase()}${mark.slice(1)}_`);
  lines.push(`**Experience:** ${formatYears(stage.years)}`);
  const salaries = allSalaries(stage.salary, f.preferred);
  if (salaries) lines.push(`**Salary:** ${salaries}`);
  lines.push(`**Progress:** ${completionInWords(f.completion)}`);
  if (stage.milestone) lines.push(`**Milestone:** ${escapeMarkdown(stage.milestone)}`);
  // Two spaces would be a hard break; a blank line between lines reads the same in every theme.
  return lines.join('\n\n');
}

/** A ladder level's hover: its salary with the honest note, years and scope. */
export function levelHoverMarkdown(level: LadderLevel, roleTitle: string, preferred: Currency): string {
  const lines = [[`**${escapeMarkdown(level.title)}**`, escapeMarkdown(roleTitle)].filter(Boolean).join(' · ')];
  const shown = salaryShown(level.salary, preferred);
  if (shown)
    lines.push(
      `**Salary:** ${escapeMarkdown(allSalaries(level.salary, preferred))}${shown.note ? ` _(${shown.note}: the source gives no ${preferred} figure for this level)_` : ''}`,
    );
  if (level.years) lines.push(`**Experience:** ${formatYears(level.years)}`);
  if (level.scope) lines.push(`**Scope:** ${escapeMarkdown(level.scope)}`);
  if (level.summary) lines.push(escapeMarkdown(level.summary));
  return lines.join('\n\n');
}
