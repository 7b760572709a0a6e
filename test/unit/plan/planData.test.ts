import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { Roadmap } from '../../../src/core/model';
import { loadProjects } from '../../../src/core/plan/projects';
import { PRACTICE_IDS, TECHNOLOGY_IDS } from '../../../src/scanner/ids';

const ROOT = join(__dirname, '..', '..', '..');
const read = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, 'data', file), 'utf8'));

/**
 * Records that should have a learning link but have none confirmed yet (data/resources.sources.md).
 * The list may only shrink: a record that gains a link must leave it, and no record may join it.
 */
const UNCONFIRMED = new Set([
  'aws-devops-engineer-professional',
  'aws-solutions-architect-professional',
  'aws-solutions-architect-associate',
  'microsoft-devops-engineer-expert',
  'docker-certified-associate',
  'azure-administrator-associate',
  'google-associate-cloud-engineer',
]);

/** Query parameters that track rather than address: a link must not carry them. */
const TRACKING = /^(utm_.*|ref|ref_src|source|src|fbclid|gclid|mc_cid|mc_eid|_hs.*|trk|campaign)$/i;

describe('projects data (data/projects.json)', () => {
  const roadmap = read('roadmap.json') as Roadmap;
  const json = read('projects.json') as {
    projects: {
      id: string;
      stages: string[];
      branches: string[];
      skills: string[];
      hours: { min: number; max: number };
      requires: { technologies: string[]; practices: string[] };
    }[];
  };

  it('validates against data/projects.schema.json (ajv, strict)', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(read('projects.schema.json') as object);
    assert.ok(validate(json), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  });

  it('loads through the run-time check', () => {
    assert.equal(loadProjects(json).length, json.projects.length);
  });

  it('requires only ids of the detection spec, and names only skills, stages and branches that exist', () => {
    const tech = new Set<string>(TECHNOLOGY_IDS);
    const practice = new Set<string>(PRACTICE_IDS);
    const skills = new Set(roadmap.skills.map((s) => s.id));
    const stages = new Set(roadmap.stages.map((s) => s.id));
    const branches = new Set(roadmap.branches.map((b) => b.id));
    const problems: string[] = [];
    for (const p of json.projects) {
      for (const id of p.requires.technologies) if (!tech.has(id)) problems.push(`${p.id}: technology ${id}`);
      for (const id of p.requires.practices) if (!practice.has(id)) problems.push(`${p.id}: practice ${id}`);
      for (const id of p.skills) if (!skills.has(id)) problems.push(`${p.id}: skill ${id}`);
      for (const id of p.stages) if (!stages.has(id)) problems.push(`${p.id}: stage ${id}`);
      for (const id of p.branches) if (!branches.has(id)) problems.push(`${p.id}: branch ${id}`);
      if (p.requires.technologies.length + p.requires.practices.length === 0) problems.push(`${p.id}: nothing for the scanner to verify`);
      if (p.hours.min > p.hours.max) problems.push(`${p.id}: hours min above max`);
    }
    assert.deepEqual(problems, []);
  });

  it('has unique ids that no roadmap record uses', () => {
    const roadmapIds = new Set(
      JSON.stringify(roadmap)
        .match(/"id":\s*"[^"]+"/g)
        ?.map((m) => m.replace(/"id":\s*"|"/g, '')),
    );
    const ids = json.projects.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(
      ids.filter((id) => roadmapIds.has(id)),
      [],
    );
  });

  it('offers at least one project on every trunk stage and every specialisation', () => {
    const covered = new Set(json.projects.flatMap((p) => [...p.stages, ...p.branches]));
    const uncovered = [...roadmap.stages, ...roadmap.branches].map((r) => r.id).filter((id) => !covered.has(id));
    assert.deepEqual(uncovered, []);
    assert.ok(json.projects.length >= 15);
  });
});

describe('learning links (resources of skills and certifications)', () => {
  const roadmap = read('roadmap.json') as Roadmap;
  const confirmations = readFileSync(join(ROOT, 'data', 'resources.sources.md'), 'utf8');
  const records = [...roadmap.skills, ...roadmap.certifications];
  const links = records.flatMap((r) => (r.resources ?? []).map((link) => ({ id: r.id, ...link })));

  it('are https, without tracking parameters or credentials', () => {
    for (const link of links) {
      const url = new URL(link.url);
      assert.equal(url.protocol, 'https:', link.url);
      assert.equal(url.username + url.password, '', link.url);
      assert.deepEqual(
        [...url.searchParams.keys()].filter((k) => TRACKING.test(k)),
        [],
        `${link.url} carries a tracking parameter`,
      );
    }
  });

  it('are unique within each record', () => {
    for (const r of records) {
      const urls = (r.resources ?? []).map((l) => l.url);
      assert.equal(new Set(urls).size, urls.length, `${r.id} lists a link twice`);
    }
  });

  it('each have a confirmation in data/resources.sources.md', () => {
    assert.deepEqual(
      links.filter((l) => !confirmations.includes(`| ${l.url} |`)).map((l) => l.url),
      [],
    );
  });

  it('cover every certification and every skill a repository can show, apart from the listed unconfirmed ones', () => {
    const shouldHave = records.filter((r) => r.kind === 'certification' || r.detectable);
    const without = shouldHave.filter((r) => !r.resources?.length).map((r) => r.id);
    assert.deepEqual(
      without.filter((id) => !UNCONFIRMED.has(id)),
      [],
      'a record lost its link or is new without one',
    );
    const nowConfirmed = [...UNCONFIRMED].filter((id) => !without.includes(id));
    assert.deepEqual(nowConfirmed, [], 'these have links now: take them off UNCONFIRMED');
  });
});
