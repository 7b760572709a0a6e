import * as l10n from '@vscode/l10n';
import { html, nothing, type TemplateResult } from 'lit-html';
import { guard } from 'lit-html/directives/guard.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type { MarkChoice, NodePage, SkillView, SkillStatus } from '../../src/shared/protocol';
import { badge, button, divider, link, tag } from '../components';
import { salaryChart } from './chart';
import { markButtons } from './marks';
import { levelBadge, levelWhy } from './journey';
import { projectsSection, resourcesSection } from './plan';

export interface NodeActions {
  navigate(id: string): void;
  overview(): void;
  openEvidence(folder: string, path: string): void;
  setMark(skillId: string, mark: MarkChoice): void;
  editNote(skillId: string): void;
  setPosition(role: 'current' | 'target', id: string | null): void;
  progress(): void;
  /** All the files that show a skill, in the host's quick pick. */
  showAllEvidence(skillId: string): void;
  /** A learning link, opened in the browser by the host (which checks the data lists it). */
  openLink(url: string): void;
  editHoursPerWeek(): void;
  compareJobAdvert(): void;
}

/** Texts are functions: read when drawn, after the bundle is configured. */
const STATUS: Record<SkillStatus, { icon: string; text: () => string }> = {
  practiced: { icon: 'pass-filled', text: () => l10n.t('practiced') },
  done: { icon: 'check', text: () => l10n.t('done') },
  learning: { icon: 'mortar-board', text: () => l10n.t('learning') },
  skipped: { icon: 'circle-slash', text: () => l10n.t('skipped') },
  'not-started': { icon: 'circle-large-outline', text: () => l10n.t('not started') },
};

const KIND: Record<string, () => string> = {
  stage: () => l10n.t('stage'),
  branch: () => l10n.t('specialisation'),
  track: () => l10n.t('track'),
  level: () => l10n.t('level'),
  skill: () => l10n.t('skill'),
  certification: () => l10n.t('certification'),
};

/** A linked record's kind as a word ("stage"); an unknown kind shows as it is. */
export function kindWord(kind: string): string {
  return Object.hasOwn(KIND, kind) ? KIND[kind]() : kind;
}

const MARKED: Record<string, () => string> = {
  done: () => l10n.t('marked done'),
  learning: () => l10n.t('marked learning'),
  skipped: () => l10n.t('marked skipped'),
};

/** How many evidence files a skill row lists before "and N more". */
const EVIDENCE_SHOWN = 8;

function evidenceList(skill: SkillView, actions: NodeActions, showFolders: boolean): TemplateResult {
  const shown = skill.evidence.slice(0, EVIDENCE_SHOWN);
  // The real number of files (the list holds the first few of each technology), never less than listed.
  const total = Math.max(skill.evidenceCount ?? 0, skill.evidence.length);
  const rest = total - shown.length;
  const showAll = () => actions.showAllEvidence(skill.id);
  return html`<ul class="evidence" aria-label=${l10n.t('Files that show {0}: {1}', skill.title, total)}>
    ${repeat(
      shown,
      (ev) => `${ev.folder}/${ev.path}`,
      (ev) =>
        html`<li>
          <span class="codicon codicon-file" aria-hidden="true"></span>
          ${link(showFolders ? `${ev.folder}/${ev.path}` : ev.path, () => actions.openEvidence(ev.folder, ev.path), { title: l10n.t('Open {0} ({1})', ev.path, ev.signal) })}
          <span class="signal">${ev.signalTitle ?? ev.signal}</span>
          ${ev.authorship ? html`<span class="authorship" data-testid="authorship">${ev.authorship}</span>` : nothing}
        </li>`,
    )}
    ${
      rest > 0
        ? html`<li class="more">
            <span class="codicon codicon-list-flat" aria-hidden="true"></span>
            ${link(l10n.t('and {0} more', rest), showAll, { title: l10n.t('Show all {0} files that show {1}', total, skill.title), testId: 'more-evidence' })}
          </li>`
        : nothing
    }
  </ul>`;
}

/** "3 files": how many files show the skill, all of them (the list below holds the first few). */
function fileCount(skill: SkillView): TemplateResult | typeof nothing {
  const total = Math.max(skill.evidenceCount ?? 0, skill.evidence.length);
  return total > 0 ? html`<span class="evidence-count" data-testid="evidence-count">${total === 1 ? l10n.t('1 file') : l10n.t('{0} files', total)}</span>` : nothing;
}

function skillHint(skill: SkillView): TemplateResult | typeof nothing {
  if (skill.evidence.length > 0 || skill.status !== 'not-started') return nothing;
  if (skill.hint) return html`<p class="hint">${skill.hint}</p>`;
  if (!skill.detectable) return html`<p class="hint">${l10n.t('No file can show this one: mark it yourself when you have it.')}</p>`;
  return nothing;
}

/** The depth level where the portfolio knows it ("proficient", "aware"), else the status word as before. */
function skillBadges(skill: SkillView, statusText: string): TemplateResult | typeof nothing {
  if (skill.status === 'practiced' && skill.level) return levelBadge(skill.level);
  if (skill.status === 'not-started') return skill.level?.level === 'aware' ? levelBadge(skill.level) : nothing;
  return badge(statusText);
}

function skillItem(skill: SkillView, actions: NodeActions, showFolders: boolean, withButtons: boolean): TemplateResult {
  const status = STATUS[skill.status];
  return html`<li class="skill status-${skill.status}" data-skill-id=${skill.id}>
    <span class="codicon codicon-${status.icon}" aria-hidden="true"></span>
    ${link(skill.title, () => actions.navigate(skill.id))} ${skillBadges(skill, status.text())} ${fileCount(skill)}
    ${skill.status === 'practiced' || skill.level?.level === 'aware' || skill.level?.claim ? levelWhy(skill.level) : nothing}
    ${skill.mark && skill.status === 'practiced' ? tag(MARKED[skill.mark]?.() ?? skill.mark) : nothing}
    ${skill.note ? html`<p class="note" data-testid="note"><span class="codicon codicon-note" aria-hidden="true"></span> ${skill.note}</p>` : nothing}
    ${skill.evidence.length > 0 ? evidenceList(skill, actions, showFolders) : skillHint(skill)} ${withButtons ? markButtons(skill, actions.setMark, actions.editNote) : nothing}
  </li>`;
}

function positionButtons(page: NodePage, actions: NodeActions): TemplateResult | typeof nothing {
  const p = page.position;
  if (!p || (!p.canBeCurrent && !p.canBeTarget)) return nothing;
  const current = !p.canBeCurrent
    ? nothing
    : p.isCurrent
      ? button(l10n.t('This is my current stage'), () => actions.setPosition('current', null), {
          icon: 'location',
          appearance: 'primary',
          pressed: true,
          title: l10n.t('This is my current stage (select to clear)'),
        })
      : button(l10n.t('Set as my current stage'), () => actions.setPosition('current', page.id), { icon: 'location' });
  const target = !p.canBeTarget
    ? nothing
    : p.isTarget
      ? button(l10n.t('This is my target'), () => actions.setPosition('target', null), {
          icon: 'target',
          appearance: 'primary',
          pressed: true,
          title: l10n.t('This is my target (select to clear)'),
        })
      : button(l10n.t('Set as my target'), () => actions.setPosition('target', page.id), { icon: 'target' });
  return html`<div class="position-bar">${current}${target}${link(l10n.t('My progress'), actions.progress)}</div>`;
}

/** "£40,000 – £55,000 (UK)", "$60,000 – $85,000 (US, London)". */
function moneyText(m: NodePage['salaries'][number]): string {
  const where = m.currency === 'GBP' ? l10n.t('UK') : l10n.t('US');
  return m.note ? l10n.t('{0} ({1}, {2})', m.text, where, m.note) : l10n.t('{0} ({1})', m.text, where);
}

function facts(page: NodePage): TemplateResult {
  const p = page.progress;
  return html`<div class="facts">
    ${page.years ? html`<div class="fact"><span class="fact-label">${l10n.t('Experience')}</span><span class="fact-value">${page.years}</span></div>` : nothing}
    ${
      page.salaries.length > 0
        ? html`<div class="fact" data-testid="salary">
            <span class="fact-label">${l10n.t('Salary')}</span>
            ${page.salaries.map((m, i) => html`<span class="fact-value ${i === 0 ? 'preferred' : ''}">${moneyText(m)}</span>`)}
          </div>`
        : nothing
    }
    ${
      p && p.total > 0
        ? html`<div class="fact" data-testid="progress">
            <span class="fact-label">${l10n.t('Your progress')}</span>
            <span class="fact-value">${p.done ? l10n.t('{0}/{1} practiced · {2} done', p.practiced, p.total, p.done) : l10n.t('{0}/{1} practiced', p.practiced, p.total)}</span>
          </div>`
        : nothing
    }
  </div>`;
}

/** The details of one stage, role, track level, skill or certification. */
export function renderNode(page: NodePage, actions: NodeActions): TemplateResult {
  const crumbs = html`<nav class="breadcrumb" aria-label=${l10n.t('Where this is in the roadmap')}>
    ${link(l10n.t('Overview'), actions.overview)} ${page.path.map((p) => html`<span class="sep" aria-hidden="true">›</span>${link(p.title, () => actions.navigate(p.id))}`)}
  </nav>`;
  const chart = page.chart;
  return html`<article class="node kind-${page.kind}">
    <header>
      ${crumbs}
      <p class="eyebrow">${page.eyebrow}</p>
      <h1 tabindex="-1" data-testid="details-title">${page.title}</h1>
      ${page.summary ? html`<p class="summary">${page.summary}</p>` : nothing} ${positionButtons(page, actions)}
    </header>
    ${facts(page)}
    ${
      chart
        ? // The chart is built as DOM by its own module; rebuilt only when its figures change, so a mark
          // elsewhere on the page leaves it (and a focused bar) alone.
          guard([JSON.stringify(chart)], () => salaryChart(chart, actions.navigate))
        : nothing
    }
    ${
      page.skills.length > 0
        ? html`<section aria-labelledby="skills-heading">
            <h2 id="skills-heading">${page.kind === 'skill' ? l10n.t('Status and evidence') : l10n.t('Skills')}</h2>
            <ul class="skills" data-testid="skills">
              ${repeat(
                page.skills,
                (s) => s.id,
                (s) => skillItem(s, actions, page.showFolders, page.kind === 'skill'),
              )}
            </ul>
          </section>`
        : nothing
    }
    ${projectsSection(page.projects, actions)} ${resourcesSection(page.resources, actions, page.kind === 'certification')}
    ${page.blocks.map(
      (block, i) =>
        html`<section aria-labelledby="block-${i}">
          <h2 id="block-${i}">${block.title}</h2>
          <ul data-testid="block">
            ${block.links?.map((l) => html`<li>${link(l.title, () => actions.navigate(l.id))}</li>`)} ${block.items.map((item) => html`<li>${item}</li>`)}
          </ul>
        </section>`,
    )}
    ${
      page.next.length > 0
        ? html`<section aria-labelledby="next-heading">
            <h2 id="next-heading">${page.nextTitle}</h2>
            <ul class="next" data-testid="next">
              ${repeat(
                page.next,
                (n) => n.id,
                (n) => html`<li>${link(n.title, () => actions.navigate(n.id))}<span class="kind">${kindWord(n.kind)}</span></li>`,
              )}
            </ul>
          </section>`
        : nothing
    }
    ${
      page.sources.length > 0
        ? html`${divider()}
            <p class="sources">${l10n.t('Source: {0}', page.sources.join('; '))}</p>`
        : nothing
    }
  </article>`;
}
