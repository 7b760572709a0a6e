/**
 * What a screen reader is told when the page it is on is redrawn: only what changed, in a sentence
 * (a mark, a note, the position, the progress), never the whole page again. Pure: no DOM, so it is
 * tested in plain Node. A navigation to another page announces nothing here: focus moves to the new
 * page's heading, and that is read instead.
 */

import type { JobPage, NodePage, Page, ProgressPage, SkillView } from '../src/shared/protocol';

/** The page a message shows, as one key: two pages with the same key are the same page, updated. */
export function pageKey(page: Page): string {
  return page.page === 'node' || page.page === 'missing' ? `${page.page}:${page.id}` : page.page;
}

function markText(skill: SkillView): string {
  return skill.mark ? `marked ${skill.mark}` : 'mark cleared';
}

function skillChanges(before: readonly SkillView[], after: readonly SkillView[]): string[] {
  const old = new Map(before.map((s) => [s.id, s] as const));
  const out: string[] = [];
  for (const skill of after) {
    const was = old.get(skill.id);
    if (!was) continue;
    if (was.mark !== skill.mark) out.push(`${skill.title} ${markText(skill)}.`);
    if (was.note !== skill.note) out.push(skill.note ? (was.note ? `Note on ${skill.title} changed.` : `Note added to ${skill.title}.`) : `Note on ${skill.title} removed.`);
    if (was.mark === skill.mark && was.status !== skill.status && skill.status === 'practiced') out.push(`${skill.title} is now practiced.`);
  }
  return out;
}

function nodeChanges(before: NodePage, after: NodePage): string[] {
  const out = skillChanges(before.skills, after.skills);
  const was = before.position;
  const now = after.position;
  if (was && now) {
    if (was.isCurrent !== now.isCurrent) out.push(now.isCurrent ? `${after.title} is your current stage.` : `${after.title} is no longer your current stage.`);
    if (was.isTarget !== now.isTarget) out.push(now.isTarget ? `${after.title} is your target.` : `${after.title} is no longer your target.`);
  }
  const p = after.progress;
  if (p && out.length > 0 && (before.progress?.practiced !== p.practiced || before.progress?.done !== p.done)) {
    out.push(`${p.practiced} of ${p.total} practiced${p.done ? `, ${p.done} done` : ''}.`);
  }
  return out;
}

function progressChanges(before: ProgressPage, after: ProgressPage): string[] {
  const out: string[] = [];
  if (before.current?.id !== after.current?.id) out.push(after.current ? `Current stage: ${after.current.title}.` : 'Current stage cleared.');
  if (before.target?.id !== after.target?.id) out.push(after.target ? `Target: ${after.target.title}.` : 'Target cleared.');
  const old = new Map(before.gaps.map((g) => [g.title, g] as const));
  for (const gap of after.gaps) {
    const was = old.get(gap.title);
    if (!was) continue;
    const gone = was.missing.filter((m) => !gap.missing.some((n) => n.skill.id === m.skill.id));
    for (const m of gone) out.push(`${m.skill.title} is no longer missing.`);
    for (const m of gap.missing) {
      const prior = was.missing.find((n) => n.skill.id === m.skill.id);
      if (prior && prior.status !== m.status) out.push(`${m.skill.title} ${m.status === 'not-started' ? 'mark cleared' : `marked ${m.status}`}.`);
    }
    if (was.have !== gap.have) out.push(`${gap.title}: ${gap.have} of ${gap.total} skills practiced or done.`);
  }
  return out;
}

/** Another advert compared, or a requirement whose status changed (a mark, a file found). */
function jobChanges(before: JobPage, after: JobPage): string {
  const lines = (p: JobPage) => [...p.requirements.map((r) => r.text), '', ...p.unmatched].join('\n');
  const c = after.counts;
  if (lines(before) !== lines(after)) return `Compared ${c.evidenced + c.marked + c.missing} requirements: ${c.evidenced} evidenced, ${c.marked} marked, ${c.missing} missing.`;
  return after.requirements
    .filter((r, i) => before.requirements[i]?.status !== r.status)
    .map((r) => `“${r.text}” is now ${r.status}.`)
    .join(' ');
}

/** One sentence (or several) about what changed between two versions of the same page; '' if nothing a person acted on. */
export function describeChange(before: Page, after: Page): string {
  if (pageKey(before) !== pageKey(after)) return '';
  if (before.page === 'node' && after.page === 'node') return nodeChanges(before, after).join(' ');
  if (before.page === 'progress' && after.page === 'progress') return progressChanges(before, after).join(' ');
  if (before.page === 'job' && after.page === 'job') return jobChanges(before, after);
  return '';
}
