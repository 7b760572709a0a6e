/**
 * The planning parts of the pages: practice projects (stage and specialisation pages, My Progress),
 * learning links (skill and certification pages), the certification planner and pacing (My
 * Progress), and the job-advert page. Every status is said in words, not by colour alone.
 */

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

const PROJECT_STATUS: Record<ProjectView['status'], string> = { verified: 'verified', 'not-yours': 'not your work', open: 'to do' };

function skillLinks(skills: readonly LinkView[], actions: PlanActions): TemplateResult {
  return html`${skills.map((s, i) => html`${i > 0 ? ', ' : ''}${link(s.title, () => actions.navigate(s.id))}`)}`;
}

function projectItem(p: ProjectView & { closes?: LinkView[] }, actions: PlanActions, level: 'h3' | 'h4'): TemplateResult {
  const title = level === 'h3' ? html`<h3 id="${p.id}-title">${p.title}</h3>` : html`<h4 id="${p.id}-title">${p.title}</h4>`;
  return html`<li class="project" data-testid="project" data-project-id=${p.id} data-status=${p.status} aria-labelledby="${p.id}-title">
    <div class="project-head">${title} ${badge(PROJECT_STATUS[p.status])}</div>
    <p>${p.summary}</p>
    ${p.closes && p.closes.length > 0 ? html`<p class="hint">Closes ${p.closes.length === 1 ? 'this gap' : `${p.closes.length} gaps`}: ${skillLinks(p.closes, actions)}</p>` : nothing}
    <p class="hint">About ${p.hours} · builds ${skillLinks(p.skills, actions)} · the scanner looks for ${p.requires.join(', ')}</p>
    <p class="project-status" data-testid="project-status">${p.statusText}</p>
    ${
      p.evidence.length > 0
        ? html`<ul class="evidence" aria-label="Files that verify ${p.title}">
            ${p.evidence.map((e) => html`<li>${link(`${e.folder}/${e.path}`, () => actions.openEvidence(e.folder, e.path), { title: `Open ${e.path}` })} <span class="hint">${e.what}</span></li>`)}
          </ul>`
        : nothing
    }
    <details>
      <summary>Steps</summary>
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
    <h2 id="projects-heading">Practice projects</h2>
    <p class="legend">Build one in a repository and the scanner checks it: ${verified} of ${projects.length} verified in your repositories.</p>
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
    <h2 id="resources-heading">${certification ? 'Official exam page' : 'Learn from the official documentation'}</h2>
    <ul>
      ${resources.map((r) => html`<li>${link(r.title, () => actions.openLink(r.url), { title: `${r.url} (opens in your browser)`, testId: 'resource-link' })}</li>`)}
    </ul>
  </section>`;
}

function certificationItem(c: CertificationView, actions: PlanActions): TemplateResult {
  return html`<li data-testid="certification">
    ${link(c.cert.title, () => actions.navigate(c.cert.id))} <span class="hint">${c.provider}</span>
    <p class="hint">
      Covers ${c.covers.length} of your open gaps (${skillLinks(c.covers, actions)}), of ${c.total} skills it tests.
      ${c.suggestedAt ? html`The articles place it at: ${c.suggestedAt}.` : nothing}
    </p>
    ${c.examPage ? html`<p>${link(c.examPage.title, () => actions.openLink(c.examPage!.url), { title: `${c.examPage.url} (opens in your browser)` })}</p>` : html`<p class="hint">No official exam page confirmed yet.</p>`}
  </li>`;
}

/** My Progress's plan: three projects, the certification planner and the pacing estimate. */
export function planSections(plan: PlanView | undefined, actions: PlanActions): TemplateResult | typeof nothing {
  if (!plan) return nothing;
  const notes = plan.notes.length > 0 ? html`${plan.notes.map((n) => html`<p class="hint">${n}</p>`)}` : nothing;
  return html`<section aria-labelledby="plan-heading" data-testid="plan">
    <h2 id="plan-heading">Your next step</h2>
    ${notes}
    ${
      plan.pacing
        ? html`<div data-testid="pacing">
            <h3>When you could reach ${plan.pacing.step.split(' → ')[1] ?? 'the next stage'}</h3>
            <p>
              <strong>${plan.pacing.range}</strong> at ${plan.pacing.hoursPerWeek} hours a week
              ${button('Change…', actions.editHoursPerWeek, { icon: 'edit', title: 'Change the hours a week you give to practice' })}
            </p>
            <p class="legend">How this is worked out:</p>
            <ul class="assumptions">
              ${plan.pacing.assumptions.map((a) => html`<li>${a}</li>`)}
            </ul>
          </div>`
        : nothing
    }
    ${
      plan.projects.length > 0
        ? html`<h3>Three projects that close the most of your gaps</h3>
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
        ? html`<h3>Certifications that cover your gaps</h3>
            <ol class="certifications" data-testid="certification-plan">
              ${plan.certifications.map((c) => certificationItem(c, actions))}
            </ol>`
        : nothing
    }
  </section>`;
}

const REQUIREMENT_STATUS: Record<RequirementView['status'], string> = { evidenced: 'Evidenced', marked: 'Marked by you', missing: 'Missing' };

/** Evidence names its repository too: the advert asks which repository shows a skill. */
function requirementItem(r: RequirementView, actions: PlanActions): TemplateResult {
  return html`<li class="requirement" data-testid="requirement" data-status=${r.status}>
    <p><span class="requirement-status status-${r.status}">${REQUIREMENT_STATUS[r.status]}</span> ${r.text}</p>
    ${r.skills.length > 1 ? html`<p class="hint">${r.needs === 'any' ? 'One of these is enough:' : 'Needs all of these:'}</p>` : nothing}
    <ul>
      ${r.skills.map(
        (s) =>
          html`<li>
            ${link(s.skill.title, () => actions.navigate(s.skill.id))} —
            ${REQUIREMENT_STATUS[s.status].toLowerCase()}${
              s.evidence.length > 0
                ? html` in
                  ${s.evidence.map((e, i) => html`${i > 0 ? ', ' : ''}${link(`${e.folder}/${e.path}`, () => actions.openEvidence(e.folder, e.path), { title: `Open ${e.path}` })}`)}`
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
    <nav class="breadcrumb" aria-label="Where this is in the roadmap">${link('Overview', actions.overview)}</nav>
    <h1 tabindex="-1" data-testid="details-title">${page.title}</h1>
    ${
      page.empty
        ? html`<p data-testid="job-empty">${page.empty}</p>`
        : html`<p data-testid="job-summary">
              ${total} requirement${total === 1 ? '' : 's'}: ${c.evidenced} evidenced by your repositories, ${c.marked} marked by you, ${c.missing} missing.
              ${page.unmatched.length} line${page.unmatched.length === 1 ? '' : 's'} not mapped to a skill.
            </p>
            <section aria-labelledby="requirements-heading">
              <h2 id="requirements-heading">Requirements</h2>
              ${total === 0 ? html`<p class="hint">No line of the advert names a skill of the roadmap.</p>` : nothing}
              <ul class="requirements" data-testid="requirements">
                ${page.requirements.map((r) => requirementItem(r, actions))}
              </ul>
            </section>
            <section aria-labelledby="unmatched-heading" data-testid="unmatched">
              <h2 id="unmatched-heading">Not mapped to a skill (${page.unmatched.length})</h2>
              <p class="legend">Benefits, soft skills and anything the roadmap has no name for: listed as written, never forced onto a skill.</p>
              <ul>
                ${page.unmatched.map((line) => html`<li>${line}</li>`)}
              </ul>
            </section>
            ${page.truncated ? html`<p class="hint">The advert is long: only its first 400 lines were compared.</p>` : nothing}`
    }
    <p>${button('Compare another advert…', actions.compareJobAdvert, { icon: 'checklist', testId: 'compare-again' })}</p>
  </article>`;
}
