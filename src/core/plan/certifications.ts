/**
 * The certification planner: which certifications cover the most of your open gaps, at which stage
 * the articles suggest taking each, and the official exam page where one is confirmed. Pure.
 */

import type { Certification, Resource } from '../model';
import type { RoadmapIndex } from '../roadmap';

export interface CertificationPlan {
  id: string;
  title: string;
  provider: string;
  level?: string;
  /** The open gaps (skills) the certification covers. */
  covers: { id: string; title: string }[];
  /** All the skills it covers. */
  total: number;
  /** Where the articles suggest it: the trunk stages that list it, else the roles that do. */
  suggestedAt: { id: string; title: string; kind: 'stage' | 'branch' | 'track' }[];
  /** The official exam page (the record's first learning link), when one is confirmed. */
  examPage?: Resource;
}

/**
 * Certifications ranked by how many of the open gaps they cover (those covering none are left
 * out); ties go to the one the articles place at an earlier stage, then by title.
 */
export function planCertifications(index: RoadmapIndex, openGaps: ReadonlySet<string>): CertificationPlan[] {
  const stageOrder = new Map(index.stages.map((s) => [s.id, s.order]));
  const earliest = (plan: CertificationPlan) => Math.min(...plan.suggestedAt.map((s) => stageOrder.get(s.id) ?? 99), 99);
  const plans = index.roadmap.certifications.map((cert: Certification): CertificationPlan => {
    const roles = index.rolesWithCertification(cert.id);
    const stages = roles.filter((id) => index.kindOf(id) === 'stage');
    return {
      id: cert.id,
      title: cert.title,
      provider: cert.provider,
      level: cert.level,
      covers: cert.skills.filter((id) => openGaps.has(id)).map((id) => ({ id, title: index.titleOf(id) ?? id })),
      total: cert.skills.length,
      suggestedAt: (stages.length > 0 ? stages : roles).map((id) => ({ id, title: index.titleOf(id) ?? id, kind: index.kindOf(id) as 'stage' | 'branch' | 'track' })),
      examPage: cert.resources?.[0],
    };
  });
  return plans.filter((p) => p.covers.length > 0).sort((a, b) => b.covers.length - a.covers.length || earliest(a) - earliest(b) || a.title.localeCompare(b.title));
}
