/**
 * The planning parts of the details pages, as view models: projects on stage and specialisation
 * pages, learning links on skill and certification pages, the plan on My Progress (three projects,
 * the certification planner, pacing) and the job-advert page. Pure, tested in plain Node.
 */

import * as l10n from '@vscode/l10n';
import type { Certification, Skill } from '../model';
import { monthYear } from '../portfolio/levels';
import type { RoadmapIndex } from '../roadmap';
import type { EvidenceIndex, Marks } from '../progress';
import type { LinkView } from '../pageModel';
import { practiceTitle } from '../detection';
import { whatsNext } from '../insights';
import { openGapIds } from './gaps';
import { checkProject, projectsFor, recommendProjects, type Project, type ProjectCheck } from './projects';
import type { RepositoryEvidence } from './repository';
import { planCertifications } from './certifications';
import { estimatePace } from './pacing';
import { compareAdvert, type AdvertMatcher } from './jobAdvert';
import type { JobPage, PlanView, ProjectView, ResourceView } from './pageViews';

/** What the planning parts need besides the roadmap, the evidence and the marks. */
export interface PlanContext {
  projects: readonly Project[];
  /** The repositories to verify projects against: the open folders, or the portfolio's. */
  repositories: readonly RepositoryEvidence[];
  /** The pace setting; 0 or less turns pacing off. */
  hoursPerWeek: number;
  now: Date;
}

/** How people name a technology or practice id. */
function idTitle(index: RoadmapIndex, id: string): string {
  return index.titleOf(id) ?? practiceTitle(id) ?? id;
}

function skillLink(index: RoadmapIndex, id: string): LinkView | undefined {
  const title = index.titleOf(id);
  return title !== undefined && index.kindOf(id) === 'skill' ? { id, title, kind: 'skill' } : undefined;
}

function skillLinks(index: RoadmapIndex, ids: readonly string[]): LinkView[] {
  return ids.map((id) => skillLink(index, id)).filter((l): l is LinkView => l !== undefined);
}

const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : l10n.t('{0} and {1}', items.slice(0, -1).join(', '), items[items.length - 1]));

function statusText(index: RoadmapIndex, check: ProjectCheck): string {
  if (check.status === 'verified') {
    const names = list(check.verifiedIn.map((r) => r.name));
    const yours = check.verifiedIn.some((r) => r.authored === true);
    return yours ? l10n.t('Verified in {0}, with your commits on the evidence.', names) : l10n.t('Verified in {0} (who wrote it is not known here).', names);
  }
  if (check.status === 'not-yours')
    return l10n.t('{0} shows all of it, but git says other people wrote that evidence: build your own to count it.', list(check.notYours.map((r) => r.name)));
  const missing = [...check.missing.technologies, ...check.missing.practices].map((id) => idTitle(index, id));
  return check.closest ? l10n.t('{0} still lacks {1}.', check.closest.name, list(missing)) : l10n.t('No repository shows it yet: it needs {0}.', list(missing));
}

export function projectView(index: RoadmapIndex, check: ProjectCheck): ProjectView {
  const p = check.project;
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    hours: p.hours.min === p.hours.max ? l10n.t('{0} hours', p.hours.min) : l10n.t('{0}–{1} hours', p.hours.min, p.hours.max),
    steps: [...p.steps],
    skills: skillLinks(index, p.skills),
    requires: [...p.requires.technologies, ...p.requires.practices].map((id) => idTitle(index, id)),
    status: check.status,
    statusText: statusText(index, check),
    evidence: check.verifiedIn.flatMap((r) => r.evidence.map((e) => ({ folder: r.name, path: e.path, what: idTitle(index, e.id) }))),
  };
}

/** The projects of a stage or specialisation page, each checked against the repositories. */
export function projectViews(index: RoadmapIndex, plan: PlanContext | undefined, roleId: string): ProjectView[] | undefined {
  if (!plan) return undefined;
  const projects = projectsFor(plan.projects, roleId);
  return projects.length > 0 ? projects.map((p) => projectView(index, checkProject(p, plan.repositories))) : undefined;
}

/** A skill's or certification's learning links. */
export function resourceViews(record: Skill | Certification): ResourceView[] | undefined {
  return record.resources && record.resources.length > 0 ? record.resources.map((r) => ({ title: r.title, url: r.url })) : undefined;
}

/** "2027-03-14" → "March 2027". */
export function monthOf(isoDate: string): string {
  return monthYear(isoDate);
}

/** My Progress's plan: three projects, the certification planner and the pacing estimate. */
export function buildPlanView(index: RoadmapIndex, evidence: EvidenceIndex, marks: Marks, position: { currentStage?: string; targetRole?: string }, plan: PlanContext): PlanView {
  const next = whatsNext(index, evidence, marks, position);
  const gaps = openGapIds(next);
  const checks = plan.projects.map((p) => checkProject(p, plan.repositories));
  const target = position.targetRole ? (index.levelOwner(position.targetRole)?.id ?? position.targetRole) : undefined;
  const heading = [next.nextStage?.to.id, target].filter((id): id is string => id !== undefined);
  const notes: string[] = [];
  if (!next.nextStage && !next.target) notes.push(l10n.t('Set your current stage or a target role: projects and certifications are chosen by the skills still missing for them.'));

  let pacing: PlanView['pacing'];
  if (next.current && next.nextStage) {
    const open = next.nextStage.missing.filter((g) => g.status !== 'skipped').map((g) => g.skill.id);
    const pace = estimatePace(index, plan.projects, {
      fromStageId: next.current.id,
      toStageId: next.nextStage.stage.id,
      open,
      total: next.nextStage.total,
      hoursPerWeek: plan.hoursPerWeek,
      now: plan.now,
    });
    if (pace) {
      const earliest = monthOf(pace.earliest);
      const latest = monthOf(pace.latest);
      pacing = {
        step: `${pace.from.title} → ${pace.to.title}`,
        range:
          pace.days.max === 0
            ? l10n.t('now: every skill of the next stage is practiced or done')
            : earliest === latest
              ? l10n.t('around {0}', earliest)
              : l10n.t('between {0} and {1}', earliest, latest),
        earliest: pace.earliest,
        latest: pace.latest,
        hoursPerWeek: pace.hoursPerWeek,
        assumptions: pace.assumptions,
      };
    } else if (!(plan.hoursPerWeek > 0)) notes.push(l10n.t('Pacing is off: set the hours a week you can give to practice (devopsRoadmap.plan.hoursPerWeek).'));
  } else if (next.current) notes.push(l10n.t('You are at the top of the trunk: there is no next stage to pace.'));
  else notes.push(l10n.t('Set your current stage to get a date range for the next one.'));

  return {
    projects: recommendProjects(checks, gaps, { heading }).map((r) => ({ ...projectView(index, r.check), closes: skillLinks(index, r.closes) })),
    certifications: planCertifications(index, gaps)
      .slice(0, 5)
      .map((c) => ({
        cert: { id: c.id, title: c.title, kind: 'certification' },
        provider: c.provider,
        covers: c.covers.map((s) => ({ id: s.id, title: s.title, kind: 'skill' })),
        total: c.total,
        suggestedAt: list(c.suggestedAt.map((s) => s.title)),
        examPage: c.examPage ? { title: c.examPage.title, url: c.examPage.url } : undefined,
      })),
    pacing,
    notes,
  };
}

/** What the job page says after a window reload, when the advert itself is no longer at hand. */
export function noAdvert(): string {
  return l10n.t('The advert is not kept after the window reloads. Run “Compare with a Job Advert…” again on its text.');
}

/** The job-advert page: each requirement with its skills and status, and the lines not mapped. */
export function buildJobPage(index: RoadmapIndex, matcher: AdvertMatcher, text: string | undefined, evidence: EvidenceIndex, marks: Marks, multiRoot: boolean): JobPage {
  const title = l10n.t('Job advert compared with your evidence');
  if (text === undefined)
    return { page: 'job', title, requirements: [], unmatched: [], counts: { evidenced: 0, marked: 0, missing: 0 }, truncated: false, showFolders: multiRoot, empty: noAdvert() };
  const report = compareAdvert(index, matcher, text, evidence, marks);
  const count = (s: string) => report.requirements.filter((r) => r.status === s).length;
  return {
    page: 'job',
    title,
    requirements: report.requirements.map((r) => ({
      text: r.text,
      status: r.status,
      needs: r.needs,
      skills: r.skills.map((s) => ({
        skill: { id: s.id, title: s.title, kind: 'skill' },
        status: s.status,
        evidence: s.evidence.map((e) => ({ folder: e.folder, path: e.path })),
      })),
    })),
    unmatched: report.unmatched,
    counts: { evidenced: count('evidenced'), marked: count('marked'), missing: count('missing') },
    truncated: report.truncated,
    showFolders: multiRoot,
    empty: report.requirements.length === 0 && report.unmatched.length === 0 ? l10n.t('The advert has no lines to compare.') : undefined,
  };
}
