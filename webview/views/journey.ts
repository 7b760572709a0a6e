import * as l10n from '@vscode/l10n';
import { html, nothing, svg, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { ProgressPage, SkillView } from '../../src/shared/protocol';
import { badge } from '../components';

type JourneyView = NonNullable<ProgressPage['journey']>;
type LevelView = NonNullable<SkillView['level']>;

/** Short month names as functions, read when drawn (after the bundle is configured). */
const MONTHS = [
  () => l10n.t('Jan'),
  () => l10n.t('Feb'),
  () => l10n.t('Mar'),
  () => l10n.t('Apr'),
  () => l10n.t('May'),
  () => l10n.t('Jun'),
  () => l10n.t('Jul'),
  () => l10n.t('Aug'),
  () => l10n.t('Sep'),
  () => l10n.t('Oct'),
  () => l10n.t('Nov'),
  () => l10n.t('Dec'),
];

function month(iso: string): string {
  const d = new Date(iso);
  return l10n.t('{0} {1}', MONTHS[d.getUTCMonth()](), d.getUTCFullYear());
}

const LEVEL_WORD: Record<LevelView['level'], () => string> = {
  none: () => l10n.t('none'),
  aware: () => l10n.t('aware'),
  practiced: () => l10n.t('practiced'),
  proficient: () => l10n.t('proficient'),
  expert: () => l10n.t('expert'),
};

/** A depth level in words ("proficient"). */
export function levelWord(level: LevelView['level']): string {
  return LEVEL_WORD[level]?.() ?? level;
}

/** The depth level as a badge, "rusty" beside it, the why as its hint below. */
export function levelBadge(level: LevelView | undefined): TemplateResult | typeof nothing {
  if (!level || level.level === 'none') return nothing;
  const rusty = html` <span class="tag" title=${l10n.t('Your last commit on it is older than your rusty setting')}>${l10n.t('rusty')}</span>`;
  return html`${badge(level.claim ? l10n.t('{0} (your claim)', levelWord(level.level)) : levelWord(level.level))}${level.rusty ? rusty : nothing}`;
}

export function levelWhy(level: LevelView | undefined): TemplateResult | typeof nothing {
  return level && level.level !== 'none' ? html`<p class="hint" data-testid="level-why">${level.why}</p>` : nothing;
}

/** Enter and Space activate an svg row the way they activate a button. */
function onKey(action: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  };
}

/**
 * "Your DevOps journey": one row per skill, a bar from your first to your last commit on its
 * evidence, on one time axis; rusty skills are drawn as an outline and say so. Each row is a
 * button that opens the skill, and names its dates for screen readers.
 */
export function renderJourney(journey: JourneyView | undefined, navigate: (id: string) => void): TemplateResult | typeof nothing {
  if (!journey) return nothing;
  if (journey.entries.length === 0)
    return html`<section data-testid="journey">
      <h2>${l10n.t('Your DevOps journey')}</h2>
      <p class="hint">${l10n.t('Appears when git can tell which evidence you committed: open or add your repositories in a trusted window (My Portfolio).')}</p>
    </section>`;
  const width = 640;
  const labelWidth = 240;
  const row = 24;
  const track = width - labelWidth - 10;
  const from = Date.parse(journey.from);
  const to = Math.max(Date.parse(journey.to), from + 1);
  const x = (iso: string) => labelWidth + (track * (Date.parse(iso) - from)) / (to - from);
  const firstYear = new Date(from).getUTCFullYear();
  const lastYear = new Date(to).getUTCFullYear();
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i).filter((y) => Date.UTC(y, 0, 1) >= from);
  const height = journey.entries.length * row + 20;
  const rows = repeat(
    journey.entries,
    (e) => e.id,
    (e, i) => {
      const y = i * row;
      const x1 = x(e.first);
      const open = () => navigate(e.id);
      const label = e.rusty
        ? l10n.t('{0}: {1}, first {2}, last {3}, rusty', e.title, levelWord(e.level), month(e.first), month(e.last))
        : l10n.t('{0}: {1}, first {2}, last {3}', e.title, levelWord(e.level), month(e.first), month(e.last));
      return svg`<g class="chart-row" data-skill-id=${e.id} tabindex="0" role="button" aria-label=${label} @click=${open} @keydown=${onKey(open)}>
        <text x=${labelWidth - 8} y=${y + 15} class="chart-label" text-anchor="end">${e.rusty ? l10n.t('{0} (rusty)', e.title) : e.title}</text>
        <rect x=${x1} y=${y + 5} width=${Math.max(3, x(e.last) - x1)} height=${row - 10} rx="3" class=${e.rusty ? 'fit-track' : 'chart-bar'}></rect>
        <title>${label}</title>
      </g>`;
    },
  );
  const axis = years.map((y) => {
    const ax = x(new Date(Date.UTC(y, 0, 1)).toISOString());
    return svg`<text x=${ax} y=${height - 4} class="chart-axis" text-anchor="middle">${y}</text>`;
  });
  return html`<section data-testid="journey">
    <h2>${l10n.t('Your DevOps journey')}</h2>
    <p class="legend">
      ${l10n.t("From your first to your last commit on each skill's evidence, across your portfolio. Rusty: nothing of yours on it for {0} months or more.", journey.rustyMonths)}
    </p>
    <figure class="chart-figure">
      <svg viewBox="0 0 ${width} ${height}" role="group" aria-label=${l10n.t('Your DevOps journey, one row per skill')} class="chart journey-chart">${rows}${axis}</svg>
    </figure>
  </section>`;
}
