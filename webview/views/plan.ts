/**
 * The planning parts of the pages: practice projects (stage and specialisation pages, My Progress),
 * learning links (skill and certification pages), the certification planner and pacing (My
 * Progress), and the job-advert page. Every status is said in words, not by colour alone.
 */

import * as l10n from '@vscode/l10n';
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { CertificationView, JobPage, LinkView, PlanView, ProjectView, RequirementView, ResourceView } from '../../src/shared/protocol';
import { badge, button, link } from '../components';

export interface PlanActions {
  navigate(id: string): void;
  overview(): void;
  openEvidence(folder: string, path: string): void;
  /** A learning link, opened in the browser by the host. */
  openLink(url: string): void;
  editHoursPerWeek(): void;
  compareJobAdvert(): void;
}

/** Texts are functions: read when drawn, after the bundle is configured. */
const PROJECT_STATUS: Record<ProjectView['status'], () => string> = {
  verified: () => l10n.t('verified'),
  'not-yours': () => l10n.t('not your work'),
  open: () => l10n.t('to do'),
};

function skillLinks(skills: readonly LinkView[], actions: PlanActions): TemplateResult {
  return html`${skills.map((s, i) => html`${i > 0 ? ', ' : ''}${link(s.title, () => actions.navigate(s.id))}`)}`;
}

function projectItem(p: ProjectView & { closes?: LinkView[] }, actions: PlanActions, level: 'h3' | 'h4'): TemplateResult {
  const title = level === 'h3' ? html`<h3 id="${p.id}-title">${p.title}</h3>` : html`<h4 id="${p.id}-title">${p.title}</h4>`;
  return html`<li class="project" data-testid="project" data-project-id=${p.id} data-status=${p.status} aria-labelledby="${p.id}-title">
    <div class="project-head">${title} ${badge(PROJECT_STATUS[p.status]())}</div>
    <p>${p.summary}</p>
    ${p.closes && p.closes.length > 0 ? html`<p class="hint">${p.closes.length === 1 ? l10n.t('Closes this gap:') : l10n.t('Closes {0} gaps:', p.closes.length)} ${skillLinks(p.closes, actions)}</p>` : nothing}
    <p class="hint">${l10n.t('About {0} · builds', p.hours)} ${skillLinks(p.skills, actions)} · ${l10n.t('the scanner looks for {0}', p.requires.join(', '))}</p>
    <p class="project-status" data-testid="project-status">${p.statusText}</p>
    ${
      p.evidence.length > 0
        ? html`<ul class="evidence" aria-label=${l10n.t('Files that verify {0}', p.title)}>
            ${p.evidence.map((e) => html`<li>${link(`${e.folder}/${e.path}`, () => actions.openEvidence(e.folder, e.path), { title: l10n.t('Open {0}', e.path) })} <span class="hint">${e.what}</span></li>`)}
          </ul>`
        : nothing
    }
    <details>
      <summary>${l10n.t('Steps')}</summary>
      <ol>
        ${p.steps.map((s) => html`<li>${s}</li>`)}
      </ol>
    </details>
  </li>`;
}

/** A stage's or specialisation's practice projects. */
export function projectsSection(projects: readonly ProjectView[] | undefined, actions: PlanActions): TemplateResult | typeof nothing {
  if (!projects || projects.length === 0) return nothing;
  const verified = projects.filter((p) => p.status === 'verified').length;
  return html`<section aria-labelledby="projects-heading" data-testid="projects">
    <h2 id="projects-heading">${l10n.t('Practice projects')}</h2>
    <p class="legend">${l10n.t('Build one in a repository and the scanner checks it: {0} of {1} verified in your repositories.', verified, projects.length)}</p>
    <ul class="projects">
      ${repeat(
        projects,
        (p) => p.id,
        (p) => projectItem(p, actions, 'h3'),
      )}
    </ul>
  </section>`;
}

/** A skill's or certification's official documentation, opened in the browser. */
export function resourcesSection(resources: readonly ResourceView[] | undefined, actions: PlanActions, certification: boolean): TemplateResult | typeof nothing {
  if (!resources || resources.length === 0) return nothing;
  return html`<section aria-labelledby="resources-heading" data-testid="resources">
    <h2 id="resources-heading">${certification ? l10n.t('Official exam page') : l10n.t('Learn from the official documentation')}</h2>
    <ul>
      ${resources.map((r) => html`<li>${link(r.title, () => actions.openLink(r.url), { title: l10n.t('{0} (opens in your browser)', r.url), testId: 'resource-link' })}</li>`)}
    </ul>
  </section>`;
}

function certificationItem(c: CertificationView, actions: PlanActions): TemplateResult {
  return html`<li data-testid="certification">
    ${link(c.cert.title, () => actions.navigate(c.cert.id))} <span class="hint">${c.provider}</span>
    <p class="hint">
      ${l10n.t('Covers {0} of your open gaps', c.covers.length)} (${skillLinks(c.covers, actions)}), ${l10n.t('of {0} skills it tests.', c.total)}
      ${c.suggestedAt ? l10n.t('The articles place it at: {0}.', c.suggestedAt) : nothing}
    </p>
    ${c.examPage ? html`<p>${link(c.examPage.title, () => actions.openLink(c.examPage!.url), { title: l10n.t('{0} (opens in your browser)', c.examPage.url) })}</p>` : html`<p class="hint">${l10n.t('No official exam page confirmed yet.')}</p>`}
  </li>`;
}

/** My Progress's plan: three projects, the certification planner and the pacing estimate. */
export function planSections(plan: PlanView | undefined, actions: PlanActions): TemplateResult | typeof nothing {
  if (!plan) return nothing;
  const notes = plan.notes.length > 0 ? html`${plan.notes.map((n) => html`<p class="hint">${n}</p>`)}` : nothing;
  return html`<section aria-labelledby="plan-heading" data-testid="plan">
    <h2 id="plan-heading">${l10n.t('Your next step')}</h2>
    ${notes}
    ${
      plan.pacing
        ? html`<div data-testid="pacing">
            <h3>${l10n.t('When you could reach {0}', plan.pacing.step.split(' → ')[1] ?? l10n.t('the next stage'))}</h3>
            <p>
              <strong>${plan.pacing.range}</strong> ${l10n.t('at {0} hours a week', plan.pacing.hoursPerWeek)}
              ${button(l10n.t('Change…'), actions.editHoursPerWeek, { icon: 'edit', title: l10n.t('Change the hours a week you give to practice') })}
            </p>
            <p class="legend">${l10n.t('How this is worked out:')}</p>
            <ul class="assumptions">
              ${plan.pacing.assumptions.map((a) => html`<li>${a}</li>`)}
            </ul>
          </div>`
        : nothing
    }
    ${
      plan.projects.length > 0
        ? html`<h3>${l10n.t('Three projects that close the most of your gaps')}</h3>
            <ul class="projects" data-testid="recommended-projects">
              ${repeat(
                plan.projects,
                (p) => p.id,
                (p) => projectItem(p, actions, 'h4'),
              )}
            </ul>`
        : nothing
    }
    ${
      plan.certifications.length > 0
        ? html`<h3>${l10n.t('Certifications that cover your gaps')}</h3>
            <ol class="certifications" data-testid="certification-plan">
              ${plan.certifications.map((c) => certificationItem(c, actions))}
            </ol>`
        : nothing
    }
  </section>`;
}

const REQUIREMENT_STATUS: Record<RequirementView['status'], () => string> = {
  evidenced: () => l10n.t('Evidenced'),
  marked: () => l10n.t('Marked by you'),
  missing: () => l10n.t('Missing'),
};
/** The same, after a skill's name. */
const SKILL_STATUS: Record<RequirementView['status'], () => string> = {
  evidenced: () => l10n.t('evidenced'),
  marked: () => l10n.t('marked by you'),
  missing: () => l10n.t('missing'),
};

/** Evidence names its repository too: the advert asks which repository shows a skill. */
function requirementItem(r: RequirementView, actions: PlanActions): TemplateResult {
  return html`<li class="requirement" data-testid="requirement" data-status=${r.status}>
    <p><span class="requirement-status status-${r.status}">${REQUIREMENT_STATUS[r.status]()}</span> ${r.text}</p>
    ${r.skills.length > 1 ? html`<p class="hint">${r.needs === 'any' ? l10n.t('One of these is enough:') : l10n.t('Needs all of these:')}</p>` : nothing}
    <ul>
      ${r.skills.map(
        (s) =>
          html`<li>
            ${link(s.skill.title, () => actions.navigate(s.skill.id))} —
            ${SKILL_STATUS[s.status]()}${
              s.evidence.length > 0
                ? html` ${l10n.t('in')}
                  ${s.evidence.map((e, i) => html`${i > 0 ? ', ' : ''}${link(`${e.folder}/${e.path}`, () => actions.openEvidence(e.folder, e.path), { title: l10n.t('Open {0}', e.path) })}`)}`
                : nothing
            }
          </li>`,
      )}
    </ul>
  </li>`;
}

/** "Compare with a Job Advert": each requirement with its skills and status, then the lines not mapped. */
export function renderJob(page: JobPage, actions: PlanActions): TemplateResult {
  const c = page.counts;
  const total = c.evidenced + c.marked + c.missing;
  return html`<article class="job-page" data-testid="job-page">
    <nav class="breadcrumb" aria-label=${l10n.t('Where this is in the roadmap')}>${link(l10n.t('Overview'), actions.overview)}</nav>
    <h1 tabindex="-1" data-testid="details-title">${page.title}</h1>
    ${
      page.empty
        ? html`<p data-testid="job-empty">${page.empty}</p>`
        : html`<p data-testid="job-summary">
              ${
                total === 1
                  ? l10n.t('1 requirement: {0} evidenced by your repositories, {1} marked by you, {2} missing.', c.evidenced, c.marked, c.missing)
                  : l10n.t('{0} requirements: {1} evidenced by your repositories, {2} marked by you, {3} missing.', total, c.evidenced, c.marked, c.missing)
              }
              ${page.unmatched.length === 1 ? l10n.t('1 line not mapped to a skill.') : l10n.t('{0} lines not mapped to a skill.', page.unmatched.length)}
            </p>
            <section aria-labelledby="requirements-heading">
              <h2 id="requirements-heading">${l10n.t('Requirements')}</h2>
              ${total === 0 ? html`<p class="hint">${l10n.t('No line of the advert names a skill of the roadmap.')}</p>` : nothing}
              <ul class="requirements" data-testid="requirements">
                ${page.requirements.map((r) => requirementItem(r, actions))}
              </ul>
            </section>
            <section aria-labelledby="unmatched-heading" data-testid="unmatched">
              <h2 id="unmatched-heading">${l10n.t('Not mapped to a skill ({0})', page.unmatched.length)}</h2>
              <p class="legend">${l10n.t('Benefits, soft skills and anything the roadmap has no name for: listed as written, never forced onto a skill.')}</p>
              <ul>
                ${page.unmatched.map((line) => html`<li>${line}</li>`)}
              </ul>
            </section>
            ${page.truncated ? html`<p class="hint">${l10n.t('The advert is long: only its first 400 lines were compared.')}</p>` : nothing}`
    }
    <p>${button(l10n.t('Compare another advert…'), actions.compareJobAdvert, { icon: 'checklist', testId: 'compare-again' })}</p>
  </article>`;
}
