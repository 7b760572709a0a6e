/**
 * The status bar's words ("DevOps: Mid → Senior 62%"), from `whatsNext`: the same steps and figures
 * My Progress and the report show. Pure, so it is tested beside them in plain Node.
 */

import * as l10n from '@vscode/l10n';
import { percentDone, type WhatsNext } from './insights';
import { escapeMarkdown } from './report/markdown';

/** The commands the hover's links run (the shell trusts exactly these). */
export const STATUS_HOVER_COMMANDS = ['devopsRoadmap.showProgress', 'devopsRoadmap.setCurrentStage', 'devopsRoadmap.setTargetRole'] as const;

export interface StatusLine {
  /** With a `$(codicon)`. */
  text: string;
  tooltip: string;
  /** The hover as Markdown: stage, target, progress, and links to My Progress and the position commands. */
  markdown: string;
  /** For screen readers. */
  label: string;
  /** What a click runs. */
  command: 'devopsRoadmap.showProgress' | 'devopsRoadmap.setCurrentStage';
}

/**
 * Where the user stands and how much of the next step's skills they practice or marked done: the
 * next stage, or the target when there is no next stage. The tooltip names the target too.
 */
export function statusLine(next: WhatsNext): StatusLine {
  const { current, nextStage, target, headline } = next;
  if (!current && !target) {
    return {
      text: `$(milestone) ${l10n.t('DevOps: set your stage')}`,
      tooltip: l10n.t('DevOps Roadmap: choose your current stage to see your progress to the next one'),
      markdown: [
        `**${l10n.t('DevOps Roadmap')}**`,
        l10n.t('Choose your current stage to see your progress to the next one.'),
        l10n.t('[Set my current stage](command:devopsRoadmap.setCurrentStage) · [My Progress](command:devopsRoadmap.showProgress)'),
      ].join('\n\n'),
      label: l10n.t('DevOps Roadmap: choose your current stage'),
      command: 'devopsRoadmap.setCurrentStage',
    };
  }
  const from = current?.shortTitle ?? '';
  const to = nextStage?.stage.shortTitle ?? target?.to.title ?? '';
  const percent = headline ? percentDone(headline) : undefined;
  const tooltip: string[] = [];
  if (headline) tooltip.push(l10n.t('{0}: {1} of {2} skills practiced, {3} marked done.', headline.to.title, headline.practiced, headline.total, headline.done));
  else tooltip.push(l10n.t('You are at the top of the trunk.'));
  if (target && target !== headline) {
    tooltip.push(
      target.isNextStage ? l10n.t('It is also your target.') : l10n.t('Your target, {0}: {1} of {2} skills practiced or done.', target.to.title, target.have, target.total),
    );
  }
  tooltip.push(l10n.t('Click for My Progress.'));
  return {
    markdown: statusMarkdown(next),
    text: `$(milestone) ${l10n.t('DevOps: {0}', [from, to].filter(Boolean).join(' → '))}${percent !== undefined ? ` ${percent}%` : ''}`,
    tooltip: tooltip.join(' '),
    label: percent !== undefined ? l10n.t('DevOps Roadmap: {0}, {1} percent', fromTo(from, to), percent) : l10n.t('DevOps Roadmap: {0}', fromTo(from, to)),
    command: 'devopsRoadmap.showProgress',
  };
}

/** Joins where you are and where you go next: "Junior to Mid-level". */
function fromTo(from: string, to: string): string {
  return from && to ? l10n.t('{0} to {1}', from, to) : from || to;
}

/** "**Stage:** Junior DevOps Engineer", "**Next:** Mid-level … 5 of 12 skills (42%)", "**Target:** …", links. */
function statusMarkdown(next: WhatsNext): string {
  const { current, nextStage, target } = next;
  const step = (s: { to: { title: string }; have: number; total: number; practiced: number; done: number }) =>
    l10n.t('{0}: {1} of {2} skills ({3}%): {4} practiced, {5} marked done', escapeMarkdown(s.to.title), s.have, s.total, percentDone(s), s.practiced, s.done);
  const lines = [`**${l10n.t('DevOps Roadmap')}**`];
  lines.push(l10n.t('**Stage:** {0}', current ? escapeMarkdown(current.title) : l10n.t('not set')));
  if (nextStage) lines.push(l10n.t('**Next stage:** {0}', step(nextStage)));
  else if (current) lines.push(l10n.t('**Next stage:** you are at the top of the trunk'));
  if (target) lines.push(l10n.t('**Target:** {0}', target.isNextStage ? l10n.t('{0} (your next stage)', escapeMarkdown(target.to.title)) : step(target)));
  else lines.push(l10n.t('**Target:** not set ([choose one](command:devopsRoadmap.setTargetRole))'));
  lines.push(`[$(pulse) ${l10n.t('Open My Progress')}](command:devopsRoadmap.showProgress)`);
  return lines.join('\n\n');
}
