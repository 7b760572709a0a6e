import type { NodePage, SkillView, SkillStatus } from '../../src/shared/protocol';
import { h } from '../dom';
import { badge, divider, link, tag } from '../components';
import { salaryChart } from './chart';

export interface NodeActions {
  navigate(id: string): void;
  overview(): void;
  openEvidence(folder: string, path: string): void;
}

const STATUS: Record<SkillStatus, { icon: string; text: string }> = {
  practiced: { icon: 'pass-filled', text: 'practiced' },
  done: { icon: 'check', text: 'done' },
  learning: { icon: 'mortar-board', text: 'learning' },
  skipped: { icon: 'circle-slash', text: 'skipped' },
  'not-started': { icon: 'circle-large-outline', text: 'not started' },
};

function skillItem(skill: SkillView, actions: NodeActions, showFolders: boolean): HTMLElement {
  const status = STATUS[skill.status];
  const item = h(
    'li',
    { class: `skill status-${skill.status}`, 'data-skill-id': skill.id },
    h('span', { class: `codicon codicon-${status.icon}`, 'aria-hidden': 'true' }),
    link(skill.title, () => actions.navigate(skill.id)),
    skill.status !== 'not-started' ? badge(status.text) : null,
    skill.mark && skill.status === 'practiced' ? tag(`marked ${skill.mark}`) : null,
  );
  if (skill.evidence.length > 0) {
    const files = h('ul', { class: 'evidence', 'aria-label': `Files that show ${skill.title}` });
    for (const ev of skill.evidence.slice(0, 8)) {
      files.append(
        h(
          'li',
          {},
          h('span', { class: 'codicon codicon-file', 'aria-hidden': 'true' }),
          link(showFolders ? `${ev.folder}/${ev.path}` : ev.path, () => actions.openEvidence(ev.folder, ev.path), `Open ${ev.path} (${ev.signal})`),
          h('span', { class: 'signal' }, ev.signal),
        ),
      );
    }
    if (skill.evidence.length > 8) files.append(h('li', { class: 'more' }, `and ${skill.evidence.length - 8} more`));
    item.append(files);
  } else if (skill.status === 'not-started' && skill.hint) {
    item.append(h('p', { class: 'hint' }, skill.hint));
  } else if (!skill.detectable && skill.status === 'not-started') {
    item.append(h('p', { class: 'hint' }, 'No file can show this one: mark it yourself when you have it.'));
  }
  return item;
}

/** The details of one stage, role, track level, skill or certification. */
export function renderNode(page: NodePage, actions: NodeActions): HTMLElement {
  const crumbs = h('nav', { class: 'breadcrumb', 'aria-label': 'Where this is in the roadmap' }, link('Overview', actions.overview));
  for (const p of page.path) crumbs.append(h('span', { class: 'sep', 'aria-hidden': 'true' }, '›'), link(p.title, () => actions.navigate(p.id)));

  const header = h(
    'header',
    {},
    crumbs,
    h('p', { class: 'eyebrow' }, page.eyebrow),
    h('h1', { 'data-testid': 'details-title' }, page.title),
    page.summary ? h('p', { class: 'summary' }, page.summary) : null,
  );

  const facts = h('div', { class: 'facts' });
  if (page.years) facts.append(h('div', { class: 'fact' }, h('span', { class: 'fact-label' }, 'Experience'), h('span', { class: 'fact-value' }, page.years)));
  if (page.salaries.length > 0) {
    const salary = h('div', { class: 'fact', 'data-testid': 'salary' }, h('span', { class: 'fact-label' }, 'Salary'));
    page.salaries.forEach((m, i) =>
      salary.append(h('span', { class: i === 0 ? 'fact-value preferred' : 'fact-value' }, `${m.text} (${m.currency === 'GBP' ? 'UK' : 'US'}${m.note ? `, ${m.note}` : ''})`)),
    );
    facts.append(salary);
  }
  if (page.progress && page.progress.total > 0) {
    const p = page.progress;
    facts.append(
      h('div', { class: 'fact', 'data-testid': 'progress' }, h('span', { class: 'fact-label' }, 'Your progress'), h('span', { class: 'fact-value' }, `${p.practiced}/${p.total} practiced${p.done ? ` · ${p.done} done` : ''}`)),
    );
  }

  const root = h('article', { class: `node kind-${page.kind}` }, header, facts);
  if (page.chart) root.append(salaryChart(page.chart, actions.navigate));

  if (page.skills.length > 0) {
    const list = h('ul', { class: 'skills', 'data-testid': 'skills' });
    for (const skill of page.skills) list.append(skillItem(skill, actions, page.showFolders));
    root.append(h('section', { 'aria-labelledby': 'skills-heading' }, h('h2', { id: 'skills-heading' }, page.kind === 'skill' ? 'Status and evidence' : 'Skills'), list));
  }

  for (const [i, block] of page.blocks.entries()) {
    const list = h('ul', {});
    for (const item of block.items) list.append(h('li', {}, item));
    root.append(h('section', { 'aria-labelledby': `block-${i}` }, h('h2', { id: `block-${i}` }, block.title), list));
  }

  if (page.next.length > 0) {
    const list = h('ul', { class: 'next', 'data-testid': 'next' });
    for (const n of page.next) list.append(h('li', {}, link(n.title, () => actions.navigate(n.id)), h('span', { class: 'kind' }, n.kind)));
    root.append(h('section', { 'aria-labelledby': 'next-heading' }, h('h2', { id: 'next-heading' }, page.nextTitle), list));
  }

  if (page.sources.length > 0) root.append(divider(), h('p', { class: 'sources' }, `Source: ${page.sources.join('; ')}`));
  return root;
}
