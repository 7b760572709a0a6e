import * as l10n from '@vscode/l10n';
import { html, nothing, svg, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { FitView, GapView, MarkChoice, ProgressPage } from '../../src/shared/protocol';
import { badge, link } from '../components';
import { markButtons } from './marks';
import { levelBadge, levelWhy, renderJourney } from './journey';
import { planSections } from './plan';

export interface ProgressActions {
  navigate(id: string): void;
  overview(): void;
  setMark(skillId: string, mark: MarkChoice): void;
  /** The plan's links and buttons: the files that verify a project, exam pages, the pace. */
  openEvidence(folder: string, path: string): void;
  openLink(url: string): void;
  editHoursPerWeek(): void;
  compareJobAdvert(): void;
}

/** Said once per section, not under each skill no file can show. */
const markYourself = () => l10n.t('No file can show the skills marked "mark it yourself": mark them done when you have them.');

const STATUS_TEXT: Record<string, () => string> = { learning: () => l10n.t('learning'), skipped: () => l10n.t('skipped') };

/** A mark kept from a skill no longer in the roadmap, in words. */
const MARK_WORD: Record<string, () => string> = { done: () => l10n.t('done'), learning: () => l10n.t('learning'), skipped: () => l10n.t('skipped') };

/** Enter and Space activate an svg row the way they activate a button. */
function onKey(action: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  };
}

/** Horizontal bars, one per specialisation, with the percentage at the end. */
function fitChart(fit: FitView[], navigate: (id: string) => void): TemplateResult {
  const width = 640;
  const labelWidth = 240;
  const row = 26;
  const track = width - labelWidth - 60;
  const rows = repeat(
    fit,
    (f) => f.role.id,
    (f, i) => {
      const y = i * row + 2;
      const barWidth = (track * f.percent) / 100;
      const open = () => navigate(f.role.id);
      return svg`<g class="chart-row" data-role-id=${f.role.id} tabindex="0" role="button"
        aria-label=${l10n.t('{0}: {1}% fit, {2} of {3} skills', f.role.title, f.percent, f.matched.length, f.total)} @click=${open} @keydown=${onKey(open)}>
        <text x=${labelWidth - 8} y=${y + 15} class="chart-label" text-anchor="end">${f.role.title}</text>
        <rect x=${labelWidth} y=${y + 4} width=${track} height=${row - 10} rx="3" class="fit-track"></rect>
        <rect x=${labelWidth} y=${y + 4} width=${Math.max(2, barWidth)} height=${row - 10} rx="3" class="chart-bar fit-bar"></rect>
        <text x=${labelWidth + barWidth + 6} y=${y + 15} class="chart-axis">${f.percent}%</text>
        <title>${f.matched.length ? l10n.t('Behind it: {0}', f.matched.join(', ')) : l10n.t('No skills of this role found or marked yet')}</title>
      </g>`;
    },
  );
  return html`<figure class="chart-figure">
    <svg viewBox="0 0 ${width} ${fit.length * row + 4}" role="group" aria-label=${l10n.t('Role fit by specialisation')} class="chart fit-chart">${rows}</svg>
  </figure>`;
}

function gapSection(gap: GapView, actions: ProgressActions): TemplateResult {
  const { navigate } = actions;
  const selfMarked = gap.missing.filter((m) => !m.detectable);
  const lead = gap.missing.length
    ? l10n.t('Still missing, in the order worth learning them:')
    : gap.listedAbove.length
      ? l10n.t('Nothing missing besides the skills listed above.')
      : l10n.t('Nothing missing.');
  // A skill two gaps need is listed once, under the first; the later gap links to it.
  const above = gap.listedAbove.length
    ? html`<p class="hint" data-testid="listed-above">
        ${gap.missing.length ? l10n.t('Also missing, listed above:') : l10n.t('Listed above:')}
        ${gap.listedAbove.map((s, i) => html`${i > 0 ? ', ' : ''}${link(s.title, () => navigate(s.id))}`)}.
      </p>`
    : nothing;
  return html`<section data-testid="gap">
    <h2>${gap.title}</h2>
    <p>${l10n.t('{0} of {1} skills practiced or done.', gap.have, gap.total)} ${lead}</p>
    ${selfMarked.length > 0 ? html`<p class="hint section-hint" data-testid="mark-yourself">${markYourself()}</p>` : nothing}
    <ol class="gaps">
      ${repeat(
        gap.missing,
        (m) => m.skill.id,
        (m) =>
          html`<li data-skill-id=${m.skill.id}>
            ${link(m.skill.title, () => navigate(m.skill.id))} ${STATUS_TEXT[m.status] ? badge(STATUS_TEXT[m.status]()) : nothing}
            ${m.level?.level === 'aware' ? html`${levelBadge(m.level)} ${levelWhy(m.level)}` : nothing}
            ${m.detectable ? html`<p class="hint">${m.how}</p>` : html`<span class="self-marked">${l10n.t('mark it yourself')}</span>`}
            ${markButtons({ id: m.skill.id, title: m.skill.title, mark: m.status === 'learning' || m.status === 'skipped' ? m.status : undefined }, actions.setMark)}
          </li>`,
      )}
    </ol>
    ${above}
  </section>`;
}

export function renderProgress(page: ProgressPage, actions: ProgressActions): TemplateResult {
  const { navigate, overview } = actions;
  const position = (label: string, to: ProgressPage['current']) =>
    html`<div class="fact">
      <span class="fact-label">${label}</span>${to ? link(to.title, () => navigate(to.id)) : html`<span class="fact-value">${l10n.t('not set')}</span>`}
    </div>`;
  const m = page.marked;
  return html`<article class="progress-page" data-testid="progress-page">
    <nav class="breadcrumb" aria-label=${l10n.t('Where this is in the roadmap')}>${link(l10n.t('Overview'), overview)}</nav>
    <h1 tabindex="-1" data-testid="details-title">${page.title}</h1>
    <div class="facts">
      ${position(l10n.t('Current stage'), page.current)} ${position(l10n.t('Target role'), page.target)}
      <div class="fact">
        <span class="fact-label">${l10n.t('Your marks')}</span>
        <span class="fact-value">${l10n.t('{0} done · {1} learning · {2} skipped · {3} notes', m.done, m.learning, m.skipped, m.notes)}</span>
      </div>
    </div>
    ${
      !page.current || !page.target
        ? html`<p class="hint">${l10n.t('Open a stage and choose "Set as my current stage", and a role with "Set as my target", to see what is missing for your next step.')}</p>`
        : nothing
    }
    ${page.gaps.map((gap) => gapSection(gap, actions))} ${planSections(page.plan, actions)}
    <section data-testid="fit">
      <h2>${l10n.t('Role fit')}</h2>
      <p class="legend">${l10n.t('How much of each specialisation your repositories show and your marks claim (learning counts half).')}</p>
      ${fitChart(page.fit, navigate)}
    </section>
    ${renderJourney(page.journey, navigate)}
    ${
      page.orphaned.length > 0
        ? html`<section data-testid="orphaned">
            <h2>${l10n.t('Marks kept from skills no longer in the roadmap')}</h2>
            <ul>
              ${page.orphaned.map((o) => html`<li>${o.id}${o.mark ? ` (${MARK_WORD[o.mark]?.() ?? o.mark})` : ''}${o.note ? `: ${o.note}` : ''}</li>`)}
            </ul>
          </section>`
        : nothing
    }
  </article>`;
}
