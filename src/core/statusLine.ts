/**
 * The status bar's words ("DevOps: Mid → Senior 62%"), from `whatsNext`: the same steps and figures
 * My Progress and the report show. Pure, so it is tested beside them in plain Node.
 */

import { percentDone, type WhatsNext } from './insights';

export interface StatusLine {
  /** With a `$(codicon)`. */
  text: string;
  tooltip: string;
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
    text: `$(milestone) DevOps: ${[from, to].filter(Boolean).join(' → ')}${percent !== undefined ? ` ${percent}%` : ''}`,
    tooltip: tooltip.join(' '),
    label: `DevOps Roadmap: ${[from, to].filter(Boolean).join(' to ')}${percent !== undefined ? `, ${percent} percent` : ''}`,
    command: 'devopsRoadmap.showProgress',
  };
}
