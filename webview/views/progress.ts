import type { FitView, ProgressPage } from '../../src/shared/protocol';
import { activatable, h, svg } from '../dom';
import { badge, link } from '../components';

const STATUS_TEXT: Record<string, string> = { learning: 'learning', skipped: 'skipped', 'not-started': '' };

/** Horizontal bars, one per specialisation, with the percentage at the end. */
function fitChart(fit: FitView[], navigate: (id: string) => void): HTMLElement {
  const width = 640;
  const labelWidth = 240;
  const row = 26;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${fit.length * row + 4}`, role: 'group', 'aria-label': 'Role fit by specialisation', class: 'chart fit-chart' });
  fit.forEach((f, i) => {
    const y = i * row + 2;
    const barWidth = ((width - labelWidth - 60) * f.percent) / 100;
    const g = activatable(svg('g', { class: 'chart-row', 'data-role-id': f.role.id }), `${f.role.title}: ${f.percent}% fit, ${f.matched.length} of ${f.total} skills`, () =>
      navigate(f.role.id),
    );
    g.append(
      svg('text', { x: labelWidth - 8, y: y + 15, class: 'chart-label', 'text-anchor': 'end' }, f.role.title),
      svg('rect', { x: labelWidth, y: y + 4, width: width - labelWidth - 60, height: row - 10, rx: 3, class: 'fit-track' }),
      svg('rect', { x: labelWidth, y: y + 4, width: Math.max(2, barWidth), height: row - 10, rx: 3, class: 'chart-bar fit-bar' }),
      svg('text', { x: labelWidth + barWidth + 6, y: y + 15, class: 'chart-axis' }, `${f.percent}%`),
      svg('title', {}, f.matched.length ? `Behind it: ${f.matched.join(', ')}` : 'No skills of this role found or marked yet'),
    );
    chart.append(g);
  });
  return h('figure', { class: 'chart-figure' }, chart);
}

export function renderProgress(page: ProgressPage, navigate: (id: string) => void, overview: () => void): HTMLElement {
  const root = h(
    'article',
    { class: 'progress-page', 'data-testid': 'progress-page' },
    h('nav', { class: 'breadcrumb' }, link('Overview', overview)),
    h('h1', { 'data-testid': 'details-title' }, page.title),
  );

  const position = h('div', { class: 'facts' });
  position.append(
    h(
      'div',
      { class: 'fact' },
      h('span', { class: 'fact-label' }, 'Current stage'),
      page.current ? link(page.current.title, () => navigate(page.current!.id)) : h('span', { class: 'fact-value' }, 'not set'),
    ),
    h(
      'div',
      { class: 'fact' },
      h('span', { class: 'fact-label' }, 'Target role'),
      page.target ? link(page.target.title, () => navigate(page.target!.id)) : h('span', { class: 'fact-value' }, 'not set'),
    ),
    h(
      'div',
      { class: 'fact' },
      h('span', { class: 'fact-label' }, 'Your marks'),
      h('span', { class: 'fact-value' }, `${page.marked.done} done · ${page.marked.learning} learning · ${page.marked.skipped} skipped · ${page.marked.notes} notes`),
    ),
  );
  root.append(position);
  if (!page.current || !page.target) {
    root.append(h('p', { class: 'hint' }, 'Open a stage and choose "Set as my current stage", and a role with "Set as my target", to see what is missing for your next step.'));
  }

  for (const gap of page.gaps) {
    const list = h('ol', { class: 'gaps' });
    for (const m of gap.missing) {
      list.append(
        h(
          'li',
          {},
          link(m.skill.title, () => navigate(m.skill.id)),
          STATUS_TEXT[m.status] ? badge(STATUS_TEXT[m.status]) : null,
          h('p', { class: 'hint' }, m.how),
        ),
      );
    }
    const lead = gap.missing.length
      ? ' Still missing, in the order worth learning them:'
      : gap.listedAbove.length
        ? ' Nothing missing besides the skills listed above.'
        : ' Nothing missing.';
    // A skill two gaps need is listed once, under the first; the later gap links to it.
    const above = gap.listedAbove.length
      ? h(
          'p',
          { class: 'hint', 'data-testid': 'listed-above' },
          gap.missing.length ? 'Also missing, listed above: ' : 'Listed above: ',
          ...gap.listedAbove.flatMap((s, i) => [i > 0 ? ', ' : '', link(s.title, () => navigate(s.id))]),
          '.',
        )
      : null;
    root.append(h('section', { 'data-testid': 'gap' }, h('h2', {}, gap.title), h('p', {}, `${gap.have} of ${gap.total} skills practiced or done.`, lead), list, above));
  }

  root.append(
    h(
      'section',
      { 'data-testid': 'fit' },
      h('h2', {}, 'Role fit'),
      h('p', { class: 'legend' }, 'How much of each specialisation your repositories show and your marks claim (learning counts half).'),
      fitChart(page.fit, navigate),
    ),
  );

  if (page.orphaned.length > 0) {
    const list = h('ul', {});
    for (const o of page.orphaned) list.append(h('li', {}, `${o.id}${o.mark ? ` (${o.mark})` : ''}${o.note ? `: ${o.note}` : ''}`));
    root.append(h('section', { 'data-testid': 'orphaned' }, h('h2', {}, 'Marks kept from skills no longer in the roadmap'), list));
  }
  return root;
}
