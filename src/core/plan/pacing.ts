/**
 * Pacing: turns the skills still open for the next stage, the hours a week you can give, the
 * practice projects' estimates and the articles' typical and accelerated timelines into a date range
 * for reaching the next stage, with every assumption written out beside it. Pure arithmetic.
 */

import * as l10n from '@vscode/l10n';
import type { RoadmapIndex } from '../roadmap';
import type { Project } from './projects';

/** Hands-on hours assumed for a skill no practice project builds (mostly skills no file can show). */
export const HOURS_PER_UNPROJECTED_SKILL = { min: 10, max: 20 } as const;
const DAYS_PER_MONTH = 30.44;

export interface MonthRange {
  min: number;
  max: number;
}

/** "18-24 months" → {18, 24}; "12 months" → {12, 12}; anything else → undefined. */
export function parseMonths(text: string | undefined): MonthRange | undefined {
  const m = /^\s*(\d{1,3})\s*(?:[-–]\s*(\d{1,3})\s*)?months?\s*$/i.exec(text ?? '');
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  return min <= max ? { min, max } : undefined;
}

export interface PaceInput {
  fromStageId: string;
  toStageId: string;
  /** Skill ids of the next stage still open (neither practiced nor done). */
  open: readonly string[];
  /** How many skills the next stage has in all. */
  total: number;
  hoursPerWeek: number;
  now: Date;
}

export interface PaceEstimate {
  from: { id: string; title: string };
  to: { id: string; title: string };
  open: number;
  total: number;
  hoursPerWeek: number;
  /** Hands-on hours for the open skills. */
  practiceHours: MonthRange;
  practiceWeeks: MonthRange;
  /** The articles' figures for this step, when they give one. */
  timeline?: { typical: MonthRange; accelerated?: MonthRange; label: string };
  /** Days from now, and the dates they fall on (ISO, yyyy-mm-dd). */
  days: MonthRange;
  earliest: string;
  latest: string;
  assumptions: string[];
}

function addDays(now: Date, days: number): string {
  return new Date(now.getTime() + Math.round(days) * 86_400_000).toISOString().slice(0, 10);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Hours of hands-on practice per open skill: its share of the shortest project that builds it. */
function practiceHours(projects: readonly Project[], open: readonly string[]): { hours: MonthRange; unprojected: number } {
  let min = 0;
  let max = 0;
  let unprojected = 0;
  for (const skill of open) {
    const shares = projects.filter((p) => p.skills.includes(skill)).map((p) => ({ min: p.hours.min / p.skills.length, max: p.hours.max / p.skills.length }));
    if (shares.length === 0) {
      unprojected++;
      min += HOURS_PER_UNPROJECTED_SKILL.min;
      max += HOURS_PER_UNPROJECTED_SKILL.max;
      continue;
    }
    const best = shares.reduce((a, b) => (b.min < a.min ? b : a));
    min += best.min;
    max += best.max;
  }
  return { hours: { min: Math.round(min), max: Math.round(max) }, unprojected };
}

/**
 * A date range for the next stage. At each end it takes the longer of two estimates: the hands-on
 * hours for the open skills at your weekly pace, and the articles' timeline scaled by the share of
 * the stage's skills still open (accelerated for the earliest date, typical for the latest).
 * Undefined when either stage is unknown or the pace is not a positive number.
 */
export function estimatePace(index: RoadmapIndex, projects: readonly Project[], input: PaceInput): PaceEstimate | undefined {
  const from = index.stages.find((s) => s.id === input.fromStageId);
  const to = index.stages.find((s) => s.id === input.toStageId);
  if (!from || !to || !(input.hoursPerWeek > 0) || !Number.isFinite(input.hoursPerWeek)) return undefined;
  const open = input.open.length;
  const share = input.total > 0 ? open / input.total : 0;
  const { hours, unprojected } = practiceHours(projects, input.open);
  const weeks = { min: round1(hours.min / input.hoursPerWeek), max: round1(hours.max / input.hoursPerWeek) };

  const transition = index.roadmap.timelines.flatMap((t) => t.transitions).find((t) => t.fromStage === from.id && t.toStage === to.id);
  const typical = parseMonths(transition?.typical);
  const accelerated = parseMonths(transition?.accelerated);
  const timeline = transition && typical ? { typical, accelerated, label: `${transition.from} → ${transition.to}` } : undefined;

  const fromArticles = timeline
    ? { min: (timeline.accelerated ?? timeline.typical).min * share * DAYS_PER_MONTH, max: timeline.typical.max * share * DAYS_PER_MONTH }
    : { min: 0, max: 0 };
  const days = { min: Math.round(Math.max(weeks.min * 7, fromArticles.min)), max: Math.round(Math.max(weeks.max * 7, fromArticles.max)) };

  const assumptions: string[] = [];
  if (timeline) {
    assumptions.push(
      transition?.accelerated
        ? l10n.t(
            'The articles give {0} for {1} ({2} when accelerated), counted from the start of the stage with every skill still to learn.',
            transition.typical ?? '',
            timeline.label,
            transition.accelerated,
          )
        : l10n.t('The articles give {0} for {1}, counted from the start of the stage with every skill still to learn.', transition?.typical ?? '', timeline.label),
    );
    assumptions.push(
      l10n.t(
        '{0} of {1} skills of {2} are still open, so about {3}% of that time is left: {4}–{5} months.',
        open,
        input.total,
        to.title,
        Math.round(share * 100),
        round1((timeline.accelerated ?? timeline.typical).min * share),
        round1(timeline.typical.max * share),
      ),
    );
  } else assumptions.push(l10n.t('The articles give no timeline for {0} → {1}, so only your practice time counts.', from.title, to.title));
  assumptions.push(
    unprojected > 0
      ? l10n.t(
          "At {0} hours a week, the open skills take about {1}–{2} hours of hands-on practice (each skill's share of the shortest practice project that builds it; {3}–{4} hours for each of the {5} no project builds): {6}–{7} weeks.",
          input.hoursPerWeek,
          hours.min,
          hours.max,
          HOURS_PER_UNPROJECTED_SKILL.min,
          HOURS_PER_UNPROJECTED_SKILL.max,
          unprojected,
          weeks.min,
          weeks.max,
        )
      : l10n.t(
          "At {0} hours a week, the open skills take about {1}–{2} hours of hands-on practice (each skill's share of the shortest practice project that builds it): {3}–{4} weeks.",
          input.hoursPerWeek,
          hours.min,
          hours.max,
          weeks.min,
          weeks.max,
        ),
  );
  assumptions.push(l10n.t('Each end of the range takes the longer of the two. Experience at work counts as well as projects; the figures are typical, not a promise.'));

  return {
    from: { id: from.id, title: from.title },
    to: { id: to.id, title: to.title },
    open,
    total: input.total,
    hoursPerWeek: input.hoursPerWeek,
    practiceHours: hours,
    practiceWeeks: weeks,
    timeline,
    days,
    earliest: addDays(input.now, days.min),
    latest: addDays(input.now, days.max),
    assumptions,
  };
}
