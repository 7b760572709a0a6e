/**
 * Builds the pages the details webview draws: plain view models (see `pageModel.ts`), so the
 * webview holds no roadmap logic and every decision here is unit-tested in plain Node.
 */

import type { Branch, Certification, Currency, LadderLevel, SalaryRange, Skill, Stage, Track } from './model';
import type { RoadmapIndex } from './roadmap';
import { EvidenceIndex, completion, skillStatus, type Marks } from './progress';
import { practiceTitle } from './detection';
import { detectedName } from './detectedView';
import { byPreference, figuresOnlyNote, formatSalary, formatSalaryShort, formatYears, salaryIn, salaryShown } from './format';
import * as l10n from '@vscode/l10n';
import { roleFit, whatsNext, type Step } from './insights';
import { TARGET_ROLE_KINDS, type UserProgress } from './userState';
import { badgeWord, journeyView, levelView } from './portfolio/pageViews';
import { buildPlanView, projectViews, resourceViews, type PlanContext } from './plan/pages';
import type { GapView, ProgressPage, Block, ChartPoint, ChartSeries, ChartView, LinkView, MoneyView, NodePage, OverviewNode, OverviewPage, Page, SkillView } from './pageModel';

export interface PageContext {
  index: RoadmapIndex;
  evidence: EvidenceIndex;
  marks: Marks;
  currency: Currency;
  /** More than one workspace folder: evidence paths then carry their folder's name. */
  multiRoot?: boolean;
  /** The user's current stage and target role. */
  position?: { currentStage?: string; targetRole?: string };
  /** Authorship text of an evidence file, where git could tell. */
  authorship?: (folder: string, path: string) => string | undefined;
  /** How many files show a skill in all, where the shell can count past the scan result's first few. */
  evidenceCount?: (skill: Skill) => number;
  /** Practice projects, the repositories to verify them against, and the pace: the planning parts. */
  plan?: PlanContext;
}

function positionOf(ctx: PageContext, id: string, kind: string): NodePage['position'] {
  return {
    canBeCurrent: kind === 'stage',
    isCurrent: ctx.position?.currentStage === id,
    canBeTarget: TARGET_ROLE_KINDS.includes(kind),
    isTarget: ctx.position?.targetRole === id,
  };
}

export function buildPage(ctx: PageContext, id: string): Page {
  const { index } = ctx;
  const record = index.get(id);
  if (!record) return { page: 'missing', id };
  switch (index.kindOf(id)) {
    case 'stage':
      return stagePage(ctx, record as Stage);
    case 'branch':
      return branchPage(ctx, record as Branch);
    case 'track':
      return trackPage(ctx, record as Track);
    case 'level':
      return levelPage(ctx, record as LadderLevel);
    case 'skill':
      return skillPage(ctx, record as Skill);
    case 'certification':
      return certificationPage(ctx, record as Certification);
    default:
      return { page: 'missing', id };
  }
}

function money(ranges: readonly SalaryRange[], currency: Currency): MoneyView[] {
  return byPreference(ranges, currency).map((r) => ({
    currency: r.currency,
    text: formatSalary(r),
    min: r.min,
    max: r.max,
    openEnded: r.openEnded,
    note: r.note,
  }));
}

function block(title: string, items: readonly string[] | undefined): Block[] {
  return items && items.length > 0 ? [{ title, items: [...items] }] : [];
}

function link(ctx: PageContext, id: string): LinkView | undefined {
  const title = ctx.index.titleOf(id);
  const kind = ctx.index.kindOf(id);
  return title !== undefined && kind ? { id, title, kind } : undefined;
}

const PAGE_KINDS = new Set(['stage', 'branch', 'track', 'level', 'skill', 'certification']);

/** Links to records that have a page (not to sections, tools, facts…). */
function links(ctx: PageContext, ids: readonly string[]): LinkView[] {
  return ids.map((id) => link(ctx, id)).filter((l): l is LinkView => l !== undefined && PAGE_KINDS.has(l.kind));
}

function skillViews(ctx: PageContext, ids: readonly string[]): SkillView[] {
  const views: SkillView[] = [];
  for (const id of ids) {
    const skill = ctx.index.get(id) as Skill | undefined;
    if (!skill || ctx.index.kindOf(id) !== 'skill') continue;
    const mark = ctx.marks[id]?.mark;
    views.push({
      id,
      title: skill.title,
      status: skillStatus(skill, ctx.evidence, ctx.marks),
      mark,
      detectable: skill.detectable,
      hint: skill.evidenceHint,
      note: ctx.marks[id]?.note,
      evidence: ctx.evidence.evidenceFor(skill).map((ev) => {
        const authorship = ctx.authorship?.(ev.folder, ev.path);
        const named = { ...ev, signalTitle: detectedName(ev.signal, (id) => ctx.index.titleOf(id)) };
        return authorship ? { ...named, authorship } : named;
      }),
      evidenceCount: ctx.evidenceCount?.(skill),
      level: levelView(ctx.evidence, skill, ctx.index),
    });
  }
  return views;
}

function skillsOf(ctx: PageContext, ids: readonly string[]): Skill[] {
  return ids.map((id) => ctx.index.get(id)).filter((s): s is Skill => !!s && (s as Skill).kind === 'skill');
}

function progressOf(ctx: PageContext, ids: readonly string[]) {
  const skills = skillsOf(ctx, ids);
  return skills.length > 0 ? completion(skills, ctx.evidence, ctx.marks) : undefined;
}

/** A role or stage as the salary chart sees it. */
interface Charted {
  id: string;
  title: string;
  salary: readonly SalaryRange[];
}

const CURRENCIES: readonly Currency[] = ['GBP', 'USD'];

/**
 * One series of the salary chart, in the preferred currency when every role has a figure in it, else
 * in the currency most of its roles have (the ladders have UK figures only), labelled as such. Roles
 * without a figure in that currency are named in `missing`, never dropped silently.
 */
export function chartSeries(preferred: Currency, label: string, roles: readonly Charted[], currentId?: string): ChartSeries | undefined {
  if (roles.length === 0) return undefined;
  const covered = (currency: Currency) => roles.filter((r) => salaryIn(r.salary, currency)).length;
  const currency = CURRENCIES.filter((c) => c !== preferred).reduce((best, c) => (covered(c) > covered(best) ? c : best), preferred);
  const points: ChartPoint[] = [];
  const missing: string[] = [];
  for (const role of roles) {
    const range = salaryIn(role.salary, currency);
    if (range) points.push({ id: role.id, label: role.title, min: range.min, max: range.max, openEnded: range.openEnded, current: role.id === currentId });
    else missing.push(role.title);
  }
  return { label, currency, ...(currency === preferred ? {} : { note: figuresOnlyNote(currency) }), points, missing };
}

function trunkRoles(ctx: PageContext, upToOrder = Infinity): Charted[] {
  return ctx.index.stages.filter((s) => s.order <= upToOrder);
}

/** A chart when its series have two bars or more between them. */
function chart(title: string, series: (ChartSeries | undefined)[]): ChartView | undefined {
  const drawn = series.filter((s): s is ChartSeries => s !== undefined);
  return drawn.reduce((n, s) => n + s.points.length, 0) > 1 ? { title, series: drawn } : undefined;
}

/** The articles a page draws on, by title (their seed file names mean nothing to a reader), once each. */
function sources(refs: readonly { file: string; title: string }[]): string[] {
  return [...new Set(refs.map((r) => r.title))];
}

type PageFields = Omit<NodePage, 'page' | 'showFolders' | 'position' | 'id' | 'kind' | 'title' | 'path'>;

/** What every details page has: its id, kind and title, the breadcrumb, the position buttons. */
function nodePage(ctx: PageContext, record: { id: string; title: string }, kind: NodePage['kind'], fields: PageFields): NodePage {
  return {
    page: 'node',
    id: record.id,
    kind,
    title: record.title,
    showFolders: ctx.multiRoot === true,
    position: TARGET_ROLE_KINDS.includes(kind) ? positionOf(ctx, record.id, kind) : undefined,
    path: links(ctx, ctx.index.outline.breadcrumb(record.id)),
    ...fields,
  };
}

function sectionBlocks(sections: readonly { title: string; items: readonly string[] }[] | undefined): Block[] {
  return (sections ?? []).map((s) => ({ title: s.title, items: [...s.items] }));
}

/** The certifications a page names, as links to their own pages (an id without a page stays text). */
function certificationBlock(ctx: PageContext, ids: readonly string[] | undefined): Block[] {
  if (!ids || ids.length === 0) return [];
  const linked = links(ctx, ids);
  const unlinked = ids.filter((id) => !linked.some((l) => l.id === id)).map((id) => ctx.index.titleOf(id) ?? id);
  return [{ title: l10n.t('Certifications'), items: unlinked, links: linked }];
}

function stagePage(ctx: PageContext, stage: Stage): NodePage {
  return nodePage(ctx, stage, 'stage', {
    eyebrow: l10n.t('Stage {0} · Career trunk', stage.order),
    summary: stage.summary,
    years: formatYears(stage.years),
    salaries: money(stage.salary, ctx.currency),
    chart: chart(l10n.t('Salary across the career trunk'), [chartSeries(ctx.currency, l10n.t('Career trunk'), trunkRoles(ctx), stage.id)]),
    blocks: [
      ...block(l10n.t('Key milestone'), [stage.milestone]),
      ...block(l10n.t('What you do'), stage.whatYouDo),
      ...block(l10n.t('You are ready for the next level when'), stage.readiness),
      ...block(l10n.t('Advice for your next step'), stage.nextStepAdvice),
      ...sectionBlocks(stage.sections),
      ...certificationBlock(ctx, stage.certifications),
    ],
    skills: skillViews(ctx, stage.skills),
    projects: projectViews(ctx.index, ctx.plan, stage.id),
    next: links(ctx, stage.next),
    nextTitle: l10n.t('Where you can go next'),
    sources: sources(stage.sources),
    progress: progressOf(ctx, stage.skills),
  });
}

function branchPage(ctx: PageContext, branch: Branch): NodePage {
  const senior = ctx.index.stages.find((s) => branch.entryStages.includes(s.id))?.order ?? 3;
  return nodePage(ctx, branch, 'branch', {
    eyebrow: l10n.t('Specialisation'),
    summary: branch.summary,
    salaries: money(branch.salary, ctx.currency),
    chart: chart(l10n.t('Salary: the trunk, then {0}', branch.title), [
      chartSeries(ctx.currency, l10n.t('Career trunk'), trunkRoles(ctx, senior)),
      chartSeries(ctx.currency, l10n.t('{0} ladder', branch.title), branch.ladder),
    ]),
    blocks: [
      ...block(l10n.t('What you do differently'), branch.differences),
      ...block(l10n.t('Suits you if'), branch.suits),
      ...block(l10n.t('A typical week'), branch.typicalWeek),
      ...block(l10n.t('Market'), branch.marketNotes),
      ...sectionBlocks(branch.sections),
      ...certificationBlock(ctx, branch.certifications),
    ],
    skills: skillViews(ctx, branch.skills),
    projects: projectViews(ctx.index, ctx.plan, branch.id),
    next: links(
      ctx,
      branch.ladder.map((l) => l.id),
    ),
    nextTitle: l10n.t('Progression'),
    sources: sources(branch.sources),
    progress: progressOf(ctx, branch.skills),
  });
}

function trackPage(ctx: PageContext, track: Track): NodePage {
  return nodePage(ctx, track, 'track', {
    eyebrow: l10n.t('Career track'),
    summary: track.summary,
    salaries: [],
    chart: chart(l10n.t('Salary along the {0}', track.title), [chartSeries(ctx.currency, track.title, track.levels)]),
    blocks: [
      ...block(l10n.t('What you do'), track.whatYouDo),
      ...block(
        l10n.t('Levels'),
        track.levels.map((l) => [l.title, l.scope].filter(Boolean).join(': ')),
      ),
      ...sectionBlocks(track.sections),
      ...certificationBlock(ctx, track.certifications),
    ],
    skills: skillViews(ctx, track.skills ?? []),
    next: links(
      ctx,
      track.levels.map((l) => l.id),
    ),
    nextTitle: l10n.t('Levels'),
    sources: sources(track.sources),
  });
}

function levelPage(ctx: PageContext, level: LadderLevel): NodePage {
  const owner = ctx.index.levelOwner(level.id);
  const levels = owner ? (owner.kind === 'branch' ? owner.ladder : owner.levels) : [level];
  const position = levels.findIndex((l) => l.id === level.id);
  const following = levels[position + 1];
  return nodePage(ctx, level, 'level', {
    eyebrow: owner ? l10n.t('Level {0} of {1} · {2}', position + 1, levels.length, owner.title) : l10n.t('Level'),
    summary: level.summary ?? owner?.summary ?? '',
    years: level.years ? formatYears(level.years) : undefined,
    salaries: money(level.salary, ctx.currency),
    chart: chart(owner ? l10n.t('Salary along {0}', owner.title) : l10n.t('Salary'), [
      chartSeries(ctx.currency, owner ? (owner.kind === 'branch' ? l10n.t('{0} ladder', owner.title) : l10n.t('{0} levels', owner.title)) : level.title, levels, level.id),
    ]),
    blocks: block(l10n.t('Scope'), level.scope ? [level.scope] : undefined),
    skills: owner?.kind === 'branch' ? skillViews(ctx, owner.skills) : [],
    next: links(
      ctx,
      [following?.id, owner?.id].filter((id): id is string => !!id),
    ),
    nextTitle: following ? l10n.t('Next level') : l10n.t('Part of'),
    sources: owner ? sources(owner.sources) : [],
  });
}

function skillPage(ctx: PageContext, skill: Skill): NodePage {
  const evidenceIds = [...skill.evidence.technologies, ...skill.evidence.practices];
  return nodePage(ctx, skill, 'skill', {
    eyebrow: skill.detectable ? l10n.t('Skill · shown by files in a repository') : l10n.t('Skill · marked by you'),
    summary: skill.summary,
    salaries: [],
    blocks: [
      ...block(l10n.t('What would show it in a repository'), skill.evidenceHint ? [skill.evidenceHint] : undefined),
      ...block(
        l10n.t('Detected as'),
        evidenceIds.map((id) => ctx.index.titleOf(id) ?? practiceTitle(id) ?? id),
      ),
    ],
    skills: skillViews(ctx, [skill.id]),
    next: links(ctx, ctx.index.rolesNeedingSkill(skill.id)),
    nextTitle: l10n.t('Needed by'),
    sources: sources(skill.sources),
    resources: resourceViews(skill),
  });
}

function certificationPage(ctx: PageContext, cert: Certification): NodePage {
  return nodePage(ctx, cert, 'certification', {
    eyebrow: [l10n.t('Certification'), cert.provider, cert.level].filter(Boolean).join(' · '),
    summary: cert.summary,
    salaries: [],
    blocks: [],
    skills: skillViews(ctx, cert.skills),
    next: links(ctx, ctx.index.rolesWithCertification(cert.id)),
    nextTitle: l10n.t('Recommended for'),
    sources: sources(cert.sources),
    resources: resourceViews(cert),
  });
}

/** The whole career tree as a picture: trunk, branches and tracks with their edges and progress. */
export function buildOverview(ctx: PageContext): OverviewPage {
  const { index } = ctx;
  const skills = (skillIds: readonly string[]) => {
    const c = progressOf(ctx, skillIds);
    return c && c.total > 0 ? { have: c.practiced + c.done, total: c.total } : undefined;
  };
  const node = (
    record: { id: string; title: string; skills?: readonly string[] },
    group: OverviewNode['group'],
    ranges: readonly SalaryRange[],
    next: readonly string[],
    years?: string,
  ): OverviewNode => {
    const counted = skills(record.skills ?? []);
    const shown = salaryShown(ranges, ctx.currency);
    return {
      id: record.id,
      title: record.title,
      group,
      progress: counted ? counted.have / counted.total : 0,
      ...(counted ? { skills: counted } : {}),
      ...(shown ? { salary: formatSalaryShort(shown.range) } : {}),
      ...(shown?.note ? { salaryNote: shown.note } : {}),
      ...(years ? { years } : {}),
      next: [...next],
    };
  };
  const nodes: OverviewNode[] = [
    ...index.stages.map((s) => node(s, 'trunk', s.salary, s.next, formatYears(s.years))),
    ...index.roadmap.branches.map((b) => node(b, 'branch', b.salary, [])),
    // A track has no range of its own: its first level's is where it starts.
    ...index.roadmap.tracks.map((t) => node(t, 'track', t.levels[0]?.salary ?? [], [])),
  ];
  // Branches and tracks name the stages they are entered from; draw those as edges too.
  const byId = new Map(nodes.map((n) => [n.id, n] as const));
  for (const entry of [...index.roadmap.branches, ...index.roadmap.tracks]) {
    for (const stageId of entry.entryStages) {
      const stage = byId.get(stageId);
      if (stage && !stage.next.includes(entry.id)) stage.next.push(entry.id);
    }
  }
  for (const n of nodes) n.next = n.next.filter((id) => byId.has(id));

  const current = ctx.position?.currentStage && byId.has(ctx.position.currentStage) ? ctx.position.currentStage : undefined;
  const targetId = ctx.position?.targetRole;
  // A ladder level is drawn as the branch or track it belongs to.
  const targetNode = targetId ? (byId.has(targetId) ? targetId : index.levelOwner(targetId)?.id) : undefined;
  const target = targetId && targetNode && byId.has(targetNode) ? { id: targetNode, title: index.titleOf(targetId) ?? targetId } : undefined;
  // From where you are; a target out of reach from there (a branch entered before your stage) is
  // shown on its way from the start of the trunk instead.
  const start = index.stages[0]?.id;
  const fromHere = target && current ? pathBetween(byId, current, target.id) : [];
  const path = target && fromHere.length === 0 ? pathBetween(byId, start, target.id) : fromHere;
  return { page: 'overview', title: l10n.t('Your DevOps career tree'), currency: ctx.currency, nodes, ...(current ? { current } : {}), ...(target ? { target } : {}), path };
}

/** The shortest way along the picture's edges from one node to another (breadth first), or none. */
function pathBetween(byId: ReadonlyMap<string, OverviewNode>, from: string | undefined, to: string): string[] {
  if (!from || !byId.has(from)) return [];
  const cameFrom = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === to) {
      const path: string[] = [];
      for (let at: string | null = id; at !== null; at = cameFrom.get(at) ?? null) path.unshift(at);
      return path;
    }
    for (const next of byId.get(id)?.next ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, id);
        queue.push(next);
      }
    }
  }
  return [];
}

function skillLink(skill: Skill): LinkView {
  return { id: skill.id, title: skill.title, kind: 'skill' };
}

function gapView(ctx: PageContext, title: string, step: Step): GapView[] {
  const to = link(ctx, step.to.id);
  if (!to) return [];
  return [
    {
      title,
      to,
      have: step.have,
      total: step.total,
      missing: step.missing.map((g) => ({
        skill: skillLink(g.skill),
        status: g.status,
        how: g.howToEvidence,
        level: levelView(ctx.evidence, g.skill, ctx.index),
        detectable: g.skill.detectable,
      })),
      listedAbove: step.listedAbove.map((g) => skillLink(g.skill)),
    },
  ];
}

/** "My progress": where the user stands, what is missing for the next step and the target, and how each specialisation fits. */
export function buildProgressPage(ctx: PageContext, user: UserProgress): ProgressPage {
  const { index } = ctx;
  const current = user.currentStage ? link(ctx, user.currentStage) : undefined;
  const target = user.targetRole ? link(ctx, user.targetRole) : undefined;
  const next = whatsNext(index, ctx.evidence, ctx.marks, user);
  const marks = Object.values(user.marks);
  return {
    page: 'progress',
    title: l10n.t('My progress'),
    current,
    target,
    gaps: [
      ...(next.nextStage ? gapView(ctx, l10n.t('From {0} to {1}', current?.title ?? l10n.t('your stage'), next.nextStage.to.title), next.nextStage) : []),
      ...(next.target
        ? gapView(
            ctx,
            next.target.isNextStage ? l10n.t('To your target: {0} (your next stage)', next.target.to.title) : l10n.t('To your target: {0}', next.target.to.title),
            next.target,
          )
        : []),
    ],
    fit: roleFit(index, ctx.evidence, ctx.marks).map((f) => ({
      role: { id: f.id, title: f.title, kind: 'branch' },
      percent: f.percent,
      // With a portfolio, each matched skill says how deep it goes: "Terraform proficiency (proficient)".
      matched: f.matched.map((m) => {
        const skill = index.get(m.id) as Skill | undefined;
        const level = skill && m.status === 'practiced' ? levelView(ctx.evidence, skill, index) : undefined;
        return level ? l10n.t('{0} ({1})', m.title, badgeWord(level.level)) : m.title;
      }),
      total: f.total,
    })),
    marked: {
      done: marks.filter((m) => m.mark === 'done').length,
      learning: marks.filter((m) => m.mark === 'learning').length,
      skipped: marks.filter((m) => m.mark === 'skipped').length,
      notes: marks.filter((m) => m.note).length,
    },
    orphaned: Object.entries(user.orphaned).map(([id, m]) => ({ id, mark: m.mark, note: m.note })),
    journey: ctx.evidence.portfolio ? journeyView(index, ctx.evidence.portfolio) : undefined,
    plan: ctx.plan ? buildPlanView(index, ctx.evidence, ctx.marks, user, ctx.plan) : undefined,
  };
}
