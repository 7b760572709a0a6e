/**
 * Loads `data/roadmap.json` into an index with graph queries. Plain Node, no `vscode` import.
 *
 * Full JSON Schema validation lives in the unit tests (ajv is a dev dependency only, to keep the
 * extension bundle small); `loadRoadmap` does a cheap structural check and throws a readable Error
 * when the shape is clearly wrong.
 */
import type { Advice, Branch, Certification, Fact, LadderLevel, NodeKind, Roadmap, Section, Skill, Stage, Timeline, Tool, Track } from './model';
import { Outline } from './outline';

export type IndexKind = NodeKind | 'tool' | 'section' | 'fact' | 'timeline' | 'advice';

export type IndexRecord = Stage | Branch | Track | Skill | Certification | LadderLevel | Tool | Section | Fact | Timeline | Advice;

/** A role (stage, branch or track) whose skills are evidenced by a technology or practice id. */
export interface RoleUse {
  id: string;
  kind: 'stage' | 'branch' | 'track';
  title: string;
  /** Ids of the role's skills that list the evidence id. */
  skills: string[];
  score: number;
}

export interface RoadmapIndex {
  /** The loaded data, as in the file. */
  readonly roadmap: Roadmap;
  /** The trunk stages sorted by `order`. */
  readonly stages: readonly Stage[];
  /** Every id of the data file, in file order. */
  ids(): string[];
  get(id: string): IndexRecord | undefined;
  kindOf(id: string): IndexKind | undefined;
  /** Display title of any id, or undefined. */
  titleOf(id: string): string | undefined;
  /** The roadmap as a tree (the Career Tree's rows, the pages' breadcrumbs), built on first use. */
  readonly outline: Outline;
  /** The stages a stage leads to (its `next` ids that are stages). */
  nextStages(stageId: string): Stage[];
  /** Every stage, branch and track a stage leads to, in data order. */
  nextOptions(stageId: string): (Stage | Branch | Track)[];
  /** Roles whose skills list a technology or practice id, best match first. */
  rolesUsing(evidenceId: string): RoleUse[];
  /** Skills of a stage, branch, track, certification, ladder level (its owner's) or tool (by evidence). */
  skillsOf(nodeId: string): Skill[];
  /** Skills whose evidence lists a technology or practice id, in data order. */
  skillsForEvidence(evidenceId: string): Skill[];
  /** The branch or track a ladder level belongs to. */
  levelOwner(levelId: string): Branch | Track | undefined;
  /** Ids of the stages, branches and tracks that list a skill (stages by order, then branches, then tracks). */
  rolesNeedingSkill(skillId: string): string[];
  /** Ids of the stages, branches and tracks that list a certification, in the same order. */
  rolesWithCertification(certificationId: string): string[];
}

const ARRAY_FIELDS = ['sources', 'stages', 'branches', 'tracks', 'skills', 'tools', 'certifications', 'timelines', 'accelerators', 'mistakes', 'facts'] as const;

function fail(message: string): never {
  throw new Error(`Invalid roadmap data: ${message}`);
}

function checkStructure(json: unknown): Roadmap {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('expected a JSON object');
  const obj = json as { [key: string]: unknown };
  if (typeof obj.version !== 'number' || !Number.isInteger(obj.version) || obj.version < 1) {
    fail('"version" must be a positive integer');
  }
  for (const field of ARRAY_FIELDS) {
    if (!Array.isArray(obj[field])) fail(`"${field}" must be an array`);
    if (field === 'sources') continue;
    (obj[field] as unknown[]).forEach((item, i) => {
      if (typeof item !== 'object' || item === null || typeof (item as { id?: unknown }).id !== 'string') {
        fail(`${field}[${i}] has no string "id"`);
      }
      if (typeof (item as { title?: unknown }).title !== 'string') fail(`${field}[${i}] has no string "title"`);
    });
  }
  for (const field of ['stages', 'branches', 'tracks', 'skills', 'certifications'] as const) {
    (obj[field] as { id: string; [key: string]: unknown }[]).forEach((item) => {
      const list = field === 'skills' ? item.evidence : field === 'tracks' ? item.levels : item.skills;
      if (field === 'skills') {
        const ev = list as { technologies?: unknown; practices?: unknown } | undefined;
        if (!ev || !Array.isArray(ev.technologies) || !Array.isArray(ev.practices)) fail(`skill "${item.id}" needs evidence arrays`);
      } else if (!Array.isArray(list)) {
        fail(`${field} record "${item.id}" lacks its ${field === 'tracks' ? 'levels' : 'skills'} array`);
      }
      if (field === 'branches' && !Array.isArray(item.ladder)) fail(`branch "${item.id}" lacks its ladder array`);
    });
  }
  return obj as unknown as Roadmap;
}

const KIND_RANK: { [kind: string]: number } = { branch: 0, stage: 1, track: 2 };

type Role = Stage | Branch | Track;

/** The lookup tables behind the index, built once by `loadRoadmap`. */
interface Tables {
  data: Roadmap;
  records: Map<string, IndexRecord>;
  kinds: Map<string, IndexKind>;
  /** The branch or track of each ladder level. */
  owners: Map<string, Branch | Track>;
  skillById: Map<string, Skill>;
  /** Skills by the technology and practice ids of their evidence, in data order. */
  byEvidence: Map<string, Skill[]>;
  /** The trunk stages sorted by `order`. */
  stages: Stage[];
  /** Stages by order, then branches, then tracks; `roleOrder` is each one's position. */
  roles: Role[];
  roleOrder: Map<string, number>;
}

/** Every record of the file by id, with its kind. Throws on an id used twice. */
function registerRecords(data: Roadmap): Pick<Tables, 'records' | 'kinds' | 'owners'> {
  const records = new Map<string, IndexRecord>();
  const kinds = new Map<string, IndexKind>();
  const owners = new Map<string, Branch | Track>();
  const add = (id: string, record: IndexRecord, kind: IndexKind) => {
    if (records.has(id)) fail(`duplicate id "${id}"`);
    records.set(id, record);
    kinds.set(id, kind);
  };
  const addRole = (role: Role, kind: 'stage' | 'branch' | 'track', levels: readonly LadderLevel[]) => {
    add(role.id, role, kind);
    for (const l of levels) {
      add(l.id, l, 'level');
      owners.set(l.id, role as Branch | Track);
    }
    for (const sec of role.sections ?? []) add(sec.id, sec, 'section');
  };
  for (const s of data.stages) addRole(s, 'stage', []);
  for (const b of data.branches) addRole(b, 'branch', b.ladder);
  for (const t of data.tracks) addRole(t, 'track', t.levels);
  for (const s of data.skills) add(s.id, s, 'skill');
  for (const t of data.tools) add(t.id, t, 'tool');
  for (const c of data.certifications) add(c.id, c, 'certification');
  for (const t of data.timelines) add(t.id, t, 'timeline');
  for (const a of data.accelerators) add(a.id, a, 'advice');
  for (const a of data.mistakes) add(a.id, a, 'advice');
  for (const f of data.facts) add(f.id, f, 'fact');
  return { records, kinds, owners };
}

function skillsByEvidence(skills: readonly Skill[]): Map<string, Skill[]> {
  const byEvidence = new Map<string, Skill[]>();
  for (const s of skills) {
    for (const e of new Set([...s.evidence.technologies, ...s.evidence.practices])) {
      const list = byEvidence.get(e) ?? [];
      list.push(s);
      byEvidence.set(e, list);
    }
  }
  return byEvidence;
}

function buildTables(data: Roadmap): Tables {
  const stages = [...data.stages].sort((a, b) => a.order - b.order);
  const roles = [...stages, ...data.branches, ...data.tracks];
  return {
    data,
    ...registerRecords(data),
    skillById: new Map(data.skills.map((s) => [s.id, s])),
    byEvidence: skillsByEvidence(data.skills),
    stages,
    roles,
    roleOrder: new Map(roles.map((r, i) => [r.id, i])),
  };
}

const roleSkills = (r: Role): string[] => (r.kind === 'track' ? (r.skills ?? []) : r.skills);

/** The records a stage's `next` names that have one of `kinds`, in data order. */
function nextOf<T extends IndexRecord>(t: Tables, stageId: string, kinds: readonly IndexKind[]): T[] {
  const stage = t.records.get(stageId);
  if (!stage || t.kinds.get(stageId) !== 'stage') return [];
  return (stage as Stage).next.filter((n) => kinds.includes(t.kinds.get(n) as IndexKind)).map((n) => t.records.get(n) as T);
}

function rolesUsing(t: Tables, evidenceId: string): RoleUse[] {
  const evSkills = new Set((t.byEvidence.get(evidenceId) ?? []).map((s) => s.id));
  if (evSkills.size === 0) return [];
  const out: RoleUse[] = [];
  for (const role of t.roles) {
    const matching = roleSkills(role).filter((id) => evSkills.has(id));
    if (matching.length === 0) continue;
    // Each matching skill counts 1, plus a bonus for specific skills (few evidence ids).
    let score = 0;
    for (const id of matching) {
      const sk = t.skillById.get(id) as Skill;
      score += 1 + 1 / (sk.evidence.technologies.length + sk.evidence.practices.length);
    }
    out.push({ id: role.id, kind: role.kind, title: role.title, skills: matching, score: Math.round(score * 1000) / 1000 });
  }
  return out.sort((a, b) => b.score - a.score || KIND_RANK[a.kind] - KIND_RANK[b.kind] || (t.roleOrder.get(a.id) as number) - (t.roleOrder.get(b.id) as number));
}

function skillsOf(t: Tables, nodeId: string): Skill[] {
  const rec = t.records.get(nodeId);
  if (!rec) return [];
  const resolve = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => t.skillById.get(id)).filter((s): s is Skill => s !== undefined);
  switch (t.kinds.get(nodeId)) {
    case 'stage':
    case 'branch':
    case 'certification':
      return resolve((rec as Stage | Branch | Certification).skills);
    case 'track':
      return resolve((rec as Track).skills);
    case 'level': {
      const owner = t.owners.get(nodeId);
      return owner ? skillsOf(t, owner.id) : [];
    }
    case 'tool':
      return [...(t.byEvidence.get(nodeId) ?? [])];
    default:
      return [];
  }
}

/** Ids of the roles (stages by order, then branches, then tracks) whose skills or certifications list `id`. */
function rolesListing(t: Tables, field: 'skills' | 'certifications', id: string): string[] {
  return t.roles.filter((r) => (field === 'skills' ? roleSkills(r) : (r.certifications ?? [])).includes(id)).map((r) => r.id);
}

/** Builds the index. Throws an Error naming the problem when the data is structurally wrong. */
export function loadRoadmap(json: unknown): RoadmapIndex {
  const t = buildTables(checkStructure(json));
  let outline: Outline | undefined;
  return {
    roadmap: t.data,
    stages: t.stages,
    get outline() {
      outline ??= new Outline(t.data);
      return outline;
    },
    ids: () => [...t.records.keys()],
    get: (id) => t.records.get(id),
    kindOf: (id) => t.kinds.get(id),
    titleOf: (id) => t.records.get(id)?.title,
    nextStages: (stageId) => nextOf<Stage>(t, stageId, ['stage']),
    nextOptions: (stageId) => nextOf<Role>(t, stageId, ['stage', 'branch', 'track']),
    rolesUsing: (evidenceId) => rolesUsing(t, evidenceId),
    skillsOf: (nodeId) => skillsOf(t, nodeId),
    skillsForEvidence: (evidenceId) => [...(t.byEvidence.get(evidenceId) ?? [])],
    levelOwner: (levelId) => t.owners.get(levelId),
    rolesNeedingSkill: (skillId) => rolesListing(t, 'skills', skillId),
    rolesWithCertification: (certificationId) => rolesListing(t, 'certifications', certificationId),
  };
}
