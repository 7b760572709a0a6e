/**
 * The Career Tree's words that need more than a title: a stage row's Markdown hover (years,
 * salaries, progress, milestone) and a salary in a row's description that says which country its
 * figures are from when they are not in the currency asked for. Pure: the shell wraps the strings
 * in `MarkdownString`s.
 */

import * as l10n from '@vscode/l10n';
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
  if (c.total === 0) return l10n.t('no skills listed');
  return c.done > 0 ? l10n.t('{0} of {1} skills practiced, {2} marked done', c.practiced, c.total, c.done) : l10n.t('{0} of {1} skills practiced', c.practiced, c.total);
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
  const lines = [`**${escapeMarkdown(stage.title)}** · ${l10n.t('stage {0} of {1}', stage.order, f.stageCount)}`];
  const mark = f.isCurrent && f.isTarget ? l10n.t('You are here, your target') : f.isCurrent ? l10n.t('You are here') : f.isTarget ? l10n.t('Your target') : '';
  if (mark) lines.push(`_${mark}_`);
  lines.push(l10n.t('**Experience:** {0}', formatYears(stage.years)));
  const salaries = allSalaries(stage.salary, f.preferred);
  if (salaries) lines.push(l10n.t('**Salary:** {0}', salaries));
  lines.push(l10n.t('**Progress:** {0}', completionInWords(f.completion)));
  if (stage.milestone) lines.push(l10n.t('**Milestone:** {0}', escapeMarkdown(stage.milestone)));
  // Two spaces would be a hard break; a blank line between lines reads the same in every theme.
  return lines.join('\n\n');
}

/** A ladder level's hover: its salary with the honest note, years and scope. */
export function levelHoverMarkdown(level: LadderLevel, roleTitle: string, preferred: Currency): string {
  const lines = [[`**${escapeMarkdown(level.title)}**`, escapeMarkdown(roleTitle)].filter(Boolean).join(' · ')];
  const shown = salaryShown(level.salary, preferred);
  if (shown)
    lines.push(
      l10n.t('**Salary:** {0}', escapeMarkdown(allSalaries(level.salary, preferred))) +
        (shown.note ? ` _(${l10n.t('{0}: the source gives no {1} figure for this level', shown.note, preferred)})_` : ''),
    );
  if (level.years) lines.push(l10n.t('**Experience:** {0}', formatYears(level.years)));
  if (level.scope) lines.push(l10n.t('**Scope:** {0}', escapeMarkdown(level.scope)));
  if (level.summary) lines.push(escapeMarkdown(level.summary));
  return lines.join('\n\n');
}
