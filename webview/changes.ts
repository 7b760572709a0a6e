/**
 * What a screen reader is told when the page it is on is redrawn: only what changed, in a sentence
 * (a mark, a note, the position, the progress), never the whole page again. Pure: no DOM, so it is
 * tested in plain Node. A navigation to another page announces nothing here: focus moves to the new
 * page's heading, and that is read instead.
 */

import * as l10n from '@vscode/l10n';
import type { JobPage, NodePage, Page, ProgressPage, SkillView } from '../src/shared/protocol';

/** The page a message shows, as one key: two pages with the same key are the same page, updated. */
export function pageKey(page: Page): string {
  return page.page === 'node' || page.page === 'missing' ? `${page.page}:${page.id}` : page.page;
}

function markText(skill: SkillView): string {
  return skill.mark ? markedText(skill.mark) : l10n.t('mark cleared');
}

/** "marked done", one message per mark. */
function markedText(mark: string): string {
  return mark === 'done' ? l10n.t('marked done') : mark === 'learning' ? l10n.t('marked learning') : mark === 'skipped' ? l10n.t('marked skipped') : mark;
}

function skillChanges(before: readonly SkillView[], after: readonly SkillView[]): string[] {
  const old = new Map(before.map((s) => [s.id, s] as const));
  const out: string[] = [];
  for (const skill of after) {
    const was = old.get(skill.id);
    if (!was) continue;
    if (was.mark !== skill.mark) out.push(l10n.t('{0} {1}.', skill.title, markText(skill)));
    if (was.note !== skill.note)
      out.push(skill.note ? (was.note ? l10n.t('Note on {0} changed.', skill.title) : l10n.t('Note added to {0}.', skill.title)) : l10n.t('Note on {0} removed.', skill.title));
    if (was.mark === skill.mark && was.status !== skill.status && skill.status === 'practiced') out.push(l10n.t('{0} is now practiced.', skill.title));
  }
  return out;
}

function nodeChanges(before: NodePage, after: NodePage): string[] {
  const out = skillChanges(before.skills, after.skills);
  const was = before.position;
  const now = after.position;
  if (was && now) {
    if (was.isCurrent !== now.isCurrent) out.push(now.isCurrent ? l10n.t('{0} is your current stage.', after.title) : l10n.t('{0} is no longer your current stage.', after.title));
    if (was.isTarget !== now.isTarget) out.push(now.isTarget ? l10n.t('{0} is your target.', after.title) : l10n.t('{0} is no longer your target.', after.title));
  }
  const p = after.progress;
  if (p && out.length > 0 && (before.progress?.practiced !== p.practiced || before.progress?.done !== p.done)) {
    out.push(p.done ? l10n.t('{0} of {1} practiced, {2} done.', p.practiced, p.total, p.done) : l10n.t('{0} of {1} practiced.', p.practiced, p.total));
  }
  return out;
}

function progressChanges(before: ProgressPage, after: ProgressPage): string[] {
  const out: string[] = [];
  if (before.current?.id !== after.current?.id) out.push(after.current ? l10n.t('Current stage: {0}.', after.current.title) : l10n.t('Current stage cleared.'));
  if (before.target?.id !== after.target?.id) out.push(after.target ? l10n.t('Target: {0}.', after.target.title) : l10n.t('Target cleared.'));
  const old = new Map(before.gaps.map((g) => [g.title, g] as const));
  for (const gap of after.gaps) {
    const was = old.get(gap.title);
    if (!was) continue;
    const gone = was.missing.filter((m) => !gap.missing.some((n) => n.skill.id === m.skill.id));
    for (const m of gone) out.push(l10n.t('{0} is no longer missing.', m.skill.title));
    for (const m of gap.missing) {
      const prior = was.missing.find((n) => n.skill.id === m.skill.id);
      if (prior && prior.status !== m.status) out.push(l10n.t('{0} {1}.', m.skill.title, m.status === 'not-started' ? l10n.t('mark cleared') : markedText(m.status)));
    }
    if (was.have !== gap.have) out.push(l10n.t('{0}: {1} of {2} skills practiced or done.', gap.title, gap.have, gap.total));
  }
  return out;
}

/** Another advert compared, or a requirement whose status changed (a mark, a file found). */
function jobChanges(before: JobPage, after: JobPage): string {
  const lines = (p: JobPage) => [...p.requirements.map((r) => r.text), '', ...p.unmatched].join('\n');
  const c = after.counts;
  if (lines(before) !== lines(after))
    return l10n.t('Compared {0} requirements: {1} evidenced, {2} marked, {3} missing.', c.evidenced + c.marked + c.missing, c.evidenced, c.marked, c.missing);
  return after.requirements
    .filter((r, i) => before.requirements[i]?.status !== r.status)
    .map((r) =>
      r.status === 'evidenced'
        ? l10n.t('“{0}” is now evidenced.', r.text)
        : r.status === 'marked'
          ? l10n.t('“{0}” is now marked.', r.text)
          : l10n.t('“{0}” is now missing.', r.text),
    )
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
