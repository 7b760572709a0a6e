/**
 * The one tree of the roadmap: the Career Tree view's rows and the details pages' breadcrumbs.
 * Stable ids, labels, parents and children, built once from the roadmap. Statuses and progress are not part of it (they change often and are computed when a row
 * is drawn), so the outline never has to be rebuilt while the user works. No `vscode` here.
 */

import * as l10n from '@vscode/l10n';
import type { Branch, Roadmap, Skill, Stage, Track } from './model';
import { categoryTitle } from './format';

/** The top-level rows. Ids are stable across sessions (VS Code keeps expansion state by id). */
export const GROUP_TRUNK_ID = 'group-trunk';
export const GROUP_BRANCHES_ID = 'group-branches';
export const GROUP_TRACKS_ID = 'group-tracks';
export const GROUP_SKILLS_ID = 'group-skills';
/** Not record ids (a data id equal to one would be a row used twice; the data test forbids it). */
export const GROUP_IDS: readonly string[] = [GROUP_TRUNK_ID, GROUP_BRANCHES_ID, GROUP_TRACKS_ID, GROUP_SKILLS_ID];

export type OutlineKind = 'group' | 'stage' | 'branch' | 'track' | 'level' | 'skill' | 'section' | 'item';

export interface OutlineNode {
  /** Unique within the tree and stable across sessions (used by `reveal` and expansion state). */
  id: string;
  kind: OutlineKind;
  label: string;
  /** The roadmap record this row stands for, when it has a details page. */
  ref?: string;
  /** Longer text shown on hover, for item rows whose label is cut short. */
  tooltip?: string;
  parent?: string;
  children: string[];
}

export class Outline {
  private readonly nodes = new Map<string, OutlineNode>();
  readonly roots: string[] = [];
  /** Where each roadmap record is first shown, for `reveal`. */
  private readonly firstPlace = new Map<string, string>();

  constructor(roadmap: Roadmap) {
    const skills = new Map(roadmap.skills.map((s) => [s.id, s] as const));
    const trunk = this.add(undefined, { id: GROUP_TRUNK_ID, kind: 'group', label: l10n.t('Career Trunk') });
    for (const stage of [...roadmap.stages].sort((a, b) => a.order - b.order)) this.addStage(trunk, stage, skills);
    const branches = this.add(undefined, { id: GROUP_BRANCHES_ID, kind: 'group', label: l10n.t('Specialisations') });
    for (const branch of roadmap.branches) this.addBranch(branches, branch, skills);
    const tracks = this.add(undefined, { id: GROUP_TRACKS_ID, kind: 'group', label: l10n.t('Career Tracks') });
    for (const track of roadmap.tracks) this.addTrack(tracks, track);
    this.addAllSkills(roadmap.skills);
  }

  get(id: string): OutlineNode | undefined {
    return this.nodes.get(id);
  }

  children(id: string | undefined): OutlineNode[] {
    const ids = id === undefined ? this.roots : (this.nodes.get(id)?.children ?? []);
    return ids.map((child) => this.nodes.get(child)!);
  }

  parent(id: string): OutlineNode | undefined {
    const parent = this.nodes.get(id)?.parent;
    return parent === undefined ? undefined : this.nodes.get(parent);
  }

  /** The row that stands for a roadmap record: its own row for stages and roles, its first appearance for a skill. */
  placeOf(ref: string): OutlineNode | undefined {
    const id = this.firstPlace.get(ref);
    return id === undefined ? undefined : this.nodes.get(id);
  }

  /**
   * The records above a record's first row, top first: a page's breadcrumb. Rows that stand for no
   * record (groups, sections) are left out; a record with no row has none. A skill shared by a
   * stage and a branch sits under the earliest stage, else the first branch, that lists it.
   */
  breadcrumb(ref: string): string[] {
    const out: string[] = [];
    for (let row = this.placeOf(ref)?.parent; row !== undefined; row = this.nodes.get(row)?.parent) {
      const { ref: above } = this.nodes.get(row)!;
      if (above !== undefined) out.unshift(above);
    }
    return out;
  }

  /** Every row, in tree order (for tests and for "expand all" style walks). */
  *walk(from: string[] = this.roots): Iterable<OutlineNode> {
    for (const id of from) {
      const node = this.nodes.get(id)!;
      yield node;
      yield* this.walk(node.children);
    }
  }

  private add(parent: string | undefined, node: Omit<OutlineNode, 'children' | 'parent'>): string {
    if (this.nodes.has(node.id)) throw new Error(`Outline id used twice: ${node.id}`);
    this.nodes.set(node.id, { ...node, parent, children: [] });
    if (parent === undefined) this.roots.push(node.id);
    else this.nodes.get(parent)!.children.push(node.id);
    if (node.ref !== undefined && !this.firstPlace.has(node.ref)) this.firstPlace.set(node.ref, node.id);
    return node.id;
  }

  private addItems(parent: string, key: string, label: string, items: readonly string[] | undefined): void {
    if (!items || items.length === 0) return;
    const section = this.add(parent, { id: `${parent}/${key}`, kind: 'section', label });
    items.forEach((text, i) => this.add(section, { id: `${section}/${i}`, kind: 'item', label: text, tooltip: text }));
  }

  private addSkills(parent: string, skillIds: readonly string[], skills: Map<string, Skill>): void {
    const known = skillIds.filter((id) => skills.has(id));
    if (known.length === 0) return;
    const section = this.add(parent, { id: `${parent}/skills`, kind: 'section', label: l10n.t('Skills') });
    for (const id of known) this.add(section, { id: `${section}/${id}`, kind: 'skill', label: skills.get(id)!.title, ref: id });
  }

  private addStage(parent: string, stage: Stage, skills: Map<string, Skill>): void {
    const id = this.add(parent, { id: stage.id, kind: 'stage', label: stage.title, ref: stage.id });
    this.addItems(id, 'what', l10n.t('What you do'), stage.whatYouDo);
    this.addSkills(id, stage.skills, skills);
    this.add(id, { id: `${id}/milestone`, kind: 'item', label: l10n.t('Milestone: {0}', stage.milestone), tooltip: stage.milestone });
    this.addItems(id, 'readiness', l10n.t('Ready for the next level when'), stage.readiness);
  }

  private addBranch(parent: string, branch: Branch, skills: Map<string, Skill>): void {
    const id = this.add(parent, { id: branch.id, kind: 'branch', label: branch.title, ref: branch.id });
    this.addItems(id, 'differences', l10n.t('What you do differently'), branch.differences);
    this.addSkills(id, branch.skills, skills);
    if (branch.ladder.length > 0) {
      const ladder = this.add(id, { id: `${id}/ladder`, kind: 'section', label: l10n.t('Progression') });
      for (const level of branch.ladder) this.add(ladder, { id: level.id, kind: 'level', label: level.title, ref: level.id });
    }
    this.addItems(id, 'suits', l10n.t('Suits you if'), branch.suits);
  }

  private addTrack(parent: string, track: Track): void {
    const id = this.add(parent, { id: track.id, kind: 'track', label: track.title, ref: track.id });
    for (const level of track.levels) this.add(id, { id: level.id, kind: 'level', label: level.title, ref: level.id });
  }

  private addAllSkills(all: readonly Skill[]): void {
    const group = this.add(undefined, { id: GROUP_SKILLS_ID, kind: 'group', label: l10n.t('All Skills') });
    const categories = [...new Set(all.map((s) => s.category))].sort((a, b) => categoryTitle(a).localeCompare(categoryTitle(b)));
    for (const category of categories) {
      const section = this.add(group, { id: `${group}/${category}`, kind: 'section', label: categoryTitle(category) });
      const inCategory = all.filter((s) => s.category === category).sort((a, b) => a.title.localeCompare(b.title));
      for (const skill of inCategory) this.add(section, { id: `${section}/${skill.id}`, kind: 'skill', label: skill.title, ref: skill.id });
    }
  }
}
