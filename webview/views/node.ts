import type { MarkChoice, NodePage, SkillView, SkillStatus } from '../../src/shared/protocol';
import { h } from '../dom';
import { badge, button, divider, link, tag } from '../components';
import { salaryChart } from './chart';

export interface NodeActions {
  navigate(id: string): void;
  overview(): void;
  openEvidence(folder: string, path: string): void;
  setMark(skillId: string, mark: MarkChoice): void;
  editNote(skillId: string): void;
  setPosition(role: 'current' | 'target', id: string | null): void;
  progress(): void;
}

/** Done / learning / skipped / clear, as on roadmap.sh, plus the note; the current mark is pressed. */
function markButtons(skill: SkillView, actions: NodeActions): HTMLElement {
  const bar = h('div', { class: 'mark-bar', role: 'group', 'aria-label': `Mark ${skill.title}` });
  const choices: [MarkChoice, string, string][] = [
    ['done', 'Done', 'check'],
    ['learning', 'Learning', 'mortar-board'],
    ['skipped', 'Skip', 'circle-slash'],
  ];
  for (const [mark, label, icon] of choices) {
    const pressed = skill.mark === mark;
    const b = button(label, () => actions.setMark(skill.id, pressed ? 'clear' : mark), {
      icon,
      title: pressed ? `Clear the "${label}" mark of ${skill.title}` : `Mark ${skill.title} as ${label.toLowerCase()}`,
    });
    b.setAttribute('aria-pressed', String(pressed));
    b.setAttribute('data-mark', mark);
    if (pressed) b.setAttribute('appearance', 'primary');
    bar.append(b);
  }
  bar.append(button(skill.note ? 'Edit note' : 'Add note', () => actions.editNote(skill.id), { icon: 'note', title: `Note on ${skill.title}` }));
  return bar;
}

const STATUS: Record<SkillStatus, { icon: string; text: string }> = {
  practiced: { icon: 'pass-filled', text: 'practiced' },
  done: { icon: 'check', text: 'done' },
  learning: { icon: 'mortar-board', text: 'learning' },
  skipped: { icon: 'circle-slash', text: 'skipped' },
  'not-started': { icon: 'circle-large-outline', text: 'not started' },
};

function skillItem(skill: SkillView, actions: NodeActions, showFolders: boolean, withButtons: boolean): HTMLElement {
  const status = STATUS[skill.status];
  const item = h(
    'li',
    { class: `skill status-${skill.status}`, 'data-skill-id': skill.id },
    h('span', { class: `codicon codicon-${status.icon}`, 'aria-hidden': 'true' }),
    link(skill.title, () => actions.navigate(skill.id)),
    skill.status !== 'not-started' ? badge(status.text) : null,
    skill.mark && skill.status === 'practiced' ? tag(`marked ${skill.mark}`) : null,
  );
  if (skill.note) item.append(h('p', { class: 'note', 'data-testid': 'note' }, h('span', { class: 'codicon codicon-note', 'aria-hidden': 'true' }), ` ${skill.note}`));
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
          ev.authorship ? h('span', { class: 'authorship', 'data-testid': 'authorship' }, ev.authorship) : null,
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
  if (withButtons) item.append(markButtons(skill, actions));
  return item;
}

function positionButtons(page: NodePage, actions: NodeActions): HTMLElement | null {
  const p = page.position;
  if (!p || (!p.canBeCurrent && !p.canBeTarget)) return null;
  const bar = h('div', { class: 'position-bar' });
  if (p.canBeCurrent) {
    bar.append(
      p.isCurrent
        ? button('This is my current stage', () => actions.setPosition('current', null), { icon: 'location', appearance: 'primary', title: 'Clear my current stage' })
        : button('Set as my current stage', () => actions.setPosition('current', page.id), { icon: 'location' }),
    );
  }
  if (p.canBeTarget) {
    bar.append(
      p.isTarget
        ? button('This is my target', () => actions.setPosition('target', null), { icon: 'target', appearance: 'primary', title: 'Clear my target role' })
        : button('Set as my target', () => actions.setPosition('target', page.id), { icon: 'target' }),
    );
  }
  bar.append(link('My progress', actions.progress));
  return bar;
}

/** The details of one stage, role, track level, skill or certification. */
export function renderNode(page: NodePage, actions: NodeActions): HTMLElement {
  const crumbs = h('nav', { class: 'breadcrumb', 'aria-label': 'Where this is in the roadmap' }, link('Overview', actions.overview));
  for (const p of page.path)
    crumbs.append(
      h('span', { class: 'sep', 'aria-hidden': 'true' }, '›'),
      link(p.title, () => actions.navigate(p.id)),
    );

  const header = h(
    'header',
    {},
    crumbs,
    h('p', { class: 'eyebrow' }, page.eyebrow),
    h('h1', { 'data-testid': 'details-title' }, page.title),
    page.summary ? h('p', { class: 'summary' }, page.summary) : null,
    positionButtons(page, actions),
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
      h(
        'div',
        { class: 'fact', 'data-testid': 'progress' },
        h('span', { class: 'fact-label' }, 'Your progress'),
        h('span', { class: 'fact-value' }, `${p.practiced}/${p.total} practiced${p.done ? ` · ${p.done} done` : ''}`),
      ),
    );
  }

  const root = h('article', { class: `node kind-${page.kind}` }, header, facts);
  if (page.chart) root.append(salaryChart(page.chart, actions.navigate));

  if (page.skills.length > 0) {
    const list = h('ul', { class: 'skills', 'data-testid': 'skills' });
    for (const skill of page.skills) list.append(skillItem(skill, actions, page.showFolders, page.kind === 'skill'));
    root.append(h('section', { 'aria-labelledby': 'skills-heading' }, h('h2', { id: 'skills-heading' }, page.kind === 'skill' ? 'Status and evidence' : 'Skills'), list));
  }

  for (const [i, block] of page.blocks.entries()) {
    const list = h('ul', {});
    for (const item of block.items) list.append(h('li', {}, item));
    root.append(h('section', { 'aria-labelledby': `block-${i}` }, h('h2', { id: `block-${i}` }, block.title), list));
  }

  if (page.next.length > 0) {
    const list = h('ul', { class: 'next', 'data-testid': 'next' });
    for (const n of page.next)
      list.append(
        h(
          'li',
          {},
          link(n.title, () => actions.navigate(n.id)),
          h('span', { class: 'kind' }, n.kind),
        ),
      );
    root.append(h('section', { 'aria-labelledby': 'next-heading' }, h('h2', { id: 'next-heading' }, page.nextTitle), list));
  }

  if (page.sources.length > 0) root.append(divider(), h('p', { class: 'sources' }, `Source: ${page.sources.join('; ')}`));
  return root;
}
