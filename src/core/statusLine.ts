/**
 * The status bar's words ("DevOps: Mid → Senior 62%"), from `whatsNext`: the same steps and figures
 * My Progress and the report show. Pure, so it is tested beside them in plain Node.
 */

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
      text: '$(milestone) DevOps: set your stage',
      tooltip: 'DevOps Roadmap: choose your current stage to see your progress to the next one',
      markdown: [
        '**DevOps Roadmap**',
        'Choose your current stage to see your progress to the next one.',
        '[Set my current stage](command:devopsRoadmap.setCurrentStage) · [My Progress](command:devopsRoadmap.showProgress)',
      ].join('\n\n'),
      label: 'DevOps Roadmap: choose your current stage',
      command: 'devopsRoadmap.setCurrentStage',
    };
  }
  const from = current?.shortTitle ?? '';
  const to = nextStage?.stage.shortTitle ?? target?.to.title ?? '';
  const percent = headline ? percentDone(headline) : undefined;
  const tooltip: string[] = [];
  if (headline) tooltip.push(`${headline.to.title}: ${headline.practiced} of ${headline.total} skills practiced, ${headline.done} marked done.`);
  else tooltip.push('You are at the top of the trunk.');
  if (target && target !== headline) {
    tooltip.push(target.isNextStage ? 'It is also your target.' : `Your target, ${target.to.title}: ${target.have} of ${target.total} skills practiced or done.`);
  }
  tooltip.push('Click for My Progress.');
  return {
    markdown: statusMarkdown(next),
    text: `$(milestone) DevOps: ${[from, to].filter(Boolean).join(' → ')}${percent !== undefined ? ` ${percent}%` : ''}`,
    tooltip: tooltip.join(' '),
    label: `DevOps Roadmap: ${[from, to].filter(Boolean).join(' to ')}${percent !== undefined ? `, ${percent} percent` : ''}`,
    command: 'devopsRoadmap.showProgress',
  };
}

/** "**Stage:** Junior DevOps Engineer", "**Next:** Mid-level … 5 of 12 skills (42%)", "**Target:** …", links. */
function statusMarkdown(next: WhatsNext): string {
  const { current, nextStage, target } = next;
  const step = (s: { to: { title: string }; have: number; total: number; practiced: number; done: number }) =>
    `${escapeMarkdown(s.to.title)}: ${s.have} of ${s.total} skills (${percentDone(s)}%): ${s.practiced} practiced, ${s.done} marked done`;
  const lines = ['**DevOps Roadmap**'];
  lines.push(`**Stage:** ${current ? escapeMarkdown(current.title) : 'not set'}`);
  if (nextStage) lines.push(`**Next stage:** ${step(nextStage)}`);
  else if (current) lines.push('**Next stage:** you are at the top of the trunk');
  if (target) lines.push(`**Target:** ${target.isNextStage ? `${escapeMarkdown(target.to.title)} (your next stage)` : step(target)}`);
  else lines.push('**Target:** not set ([choose one](command:devopsRoadmap.setTargetRole))');
  lines.push('[$(pulse) Open My Progress](command:devopsRoadmap.showProgress)');
  return lines.join('\n\n');
}
