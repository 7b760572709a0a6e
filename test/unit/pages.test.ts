import { strict as assert } from 'node:assert';
import { readRoadmapFile } from '../../src/core/roadmapFile';
import { GROUP_IDS, Outline } from '../../src/core/outline';
import { EvidenceIndex } from '../../src/core/progress';
import { buildOverview, buildPage, buildProgressPage, type PageContext } from '../../src/core/pages';
import { emptyProgress } from '../../src/core/userState';
import type { NodePage } from '../../src/core/pageModel';
import type { ScanResult } from '../../src/scanner/types';

const index = readRoadmapFile('data/roadmap.json');
const scan: ScanResult = {
  root: '/r',
  filesSeen: 1,
  filesRead: 1,
  bytesRead: 1,
  durationMs: 1,
  truncated: false,
  skipped: [],
  technologies: [{ id: 'terraform', evidence: ['infra/main.tf'], fileCount: 1, fixtureOnly: false }],
  practices: [],
};
const ctx = (over: Partial<PageContext> = {}): PageContext => ({ index, evidence: new EvidenceIndex([{ folder: 'app', result: scan }]), marks: {}, currency: 'GBP', ...over });

describe('career tree outline', () => {
  const outline = new Outline(index.roadmap);

  it('has unique ids and consistent parents', () => {
    const seen = new Set<string>();
    for (const node of outline.walk()) {
      assert.ok(!seen.has(node.id), `duplicate ${node.id}`);
      seen.add(node.id);
      for (const child of outline.children(node.id)) assert.equal(outline.parent(child.id)?.id, node.id);
    }
    assert.ok(seen.size > 100);
  });

  it('shows the five stages in order under the trunk, with their sections', () => {
    const [trunk] = outline.children(undefined);
    assert.deepEqual(
      outline.children(trunk.id).map((s) => s.ref),
      index.stages.map((s) => s.id),
    );
    const labels = outline.children('stage-junior').map((n) => n.label);
    assert.deepEqual(
      labels.filter((l) => !l.startsWith('Milestone')),
      ['What you do', 'Skills', 'Ready for the next level when'],
    );
  });

  it('places every skill, stage, branch, track and level somewhere for reveal', () => {
    for (const s of index.roadmap.skills) assert.ok(outline.placeOf(s.id), s.id);
    for (const b of index.roadmap.branches) for (const l of b.ladder) assert.ok(outline.placeOf(l.id), l.id);
    for (const t of index.roadmap.tracks) assert.equal(outline.placeOf(t.id)?.kind, 'track');
  });
});

describe('details pages', () => {
  it('a stage page has years, both salaries (preferred first), a trunk chart and skills', () => {
    const page = buildPage(ctx(), 'stage-junior') as NodePage;
    assert.equal(page.page, 'node');
    assert.equal(page.years, '0–2 years');
    assert.deepEqual(
      page.salaries.map((s) => s.text),
      ['£40,000 – £55,000', '$65,000 – $90,000'],
    );
    assert.equal(page.chart?.series[0].points.length, 5);
    assert.ok(page.chart?.series[0].points[0].current);
    assert.ok(page.skills.length > 0);
    assert.ok(page.skills.some((s) => s.status === 'practiced' && s.evidence[0]?.path === 'infra/main.tf'));
    assert.deepEqual(
      page.next.map((n) => n.id),
      ['stage-mid'],
    );
    assert.equal(page.sources[0], 'DevOps Career Path Roadmap: From Junior to Architect');
  });

  it('names its sources by article title only, never by seed file name, and each once', () => {
    for (const id of ['stage-junior', 'site-reliability-engineering', 'linux-fundamentals', 'cka']) {
      const page = buildPage(ctx(), id) as NodePage;
      assert.ok(page.sources.length > 0, id);
      for (const source of page.sources) assert.doesNotMatch(source, /\.txt|\d{3}_[0-9a-f]{6,}/, `${id}: ${source}`);
      assert.equal(new Set(page.sources).size, page.sources.length, id);
    }
  });

  it('links the certifications a stage names to their certification pages', () => {
    const page = buildPage(ctx(), 'stage-junior') as NodePage;
    const block = page.blocks.find((b) => b.title === 'Certifications');
    assert.ok(block?.links?.some((l) => l.id === 'cka' && l.kind === 'certification' && l.title === 'Certified Kubernetes Administrator (CKA)'));
    assert.deepEqual(block?.items, [], 'every certification named here has a page');
  });

  it('counts every file that shows a skill, past the first few the scan lists, and names the technology of each file', () => {
    const page = buildPage(ctx({ evidenceCount: (skill) => (skill.id === 'terraform-proficiency' ? 165 : 0) }), 'stage-junior') as NodePage;
    const terraform = page.skills.find((s) => s.id === 'terraform-proficiency')!;
    assert.equal(terraform.evidenceCount, 165);
    assert.equal(terraform.evidence[0].signal, 'terraform');
    assert.equal(terraform.evidence[0].signalTitle, 'Terraform');
  });

  it('puts USD first when preferred', () => {
    const page = buildPage(ctx({ currency: 'USD' }), 'stage-junior') as NodePage;
    assert.equal(page.salaries[0].currency, 'USD');
    assert.equal(page.chart?.series[0].currency, 'USD');
  });

  it('a branch page charts the trunk then its ladder', () => {
    const page = buildPage(ctx(), 'site-reliability-engineering') as NodePage;
    const ids = page.chart!.series.flatMap((s) => s.points.map((p) => p.id));
    assert.ok(ids.includes('stage-junior') && ids.includes('sre-head'));
    assert.deepEqual(
      page.next.map((n) => n.id),
      ['sre-entry', 'sre-senior', 'sre-staff', 'sre-head'],
    );
    assert.ok(page.position?.canBeTarget && !page.position.canBeCurrent);
  });

  it('a ladder level says where it sits and what comes next', () => {
    const page = buildPage(ctx(), 'sre-senior') as NodePage;
    assert.match(page.eyebrow, /^Level 2 of 4/);
    assert.equal(page.next[0].id, 'sre-staff');
    assert.ok(page.chart?.series[0].points.find((p) => p.id === 'sre-senior')?.current);
    assert.deepEqual(
      page.path.map((l) => l.id),
      ['site-reliability-engineering'],
      'the breadcrumb comes from the outline',
    );
  });

  it('a skill page lists the roles that need it, and breadcrumbs never link to synthetic groups', () => {
    const skillId = index.skillsForEvidence('terraform')[0].id;
    const page = buildPage(ctx(), skillId) as NodePage;
    assert.ok(page.next.length > 0);
    for (const id of ['stage-junior', 'sre-senior', skillId]) {
      for (const crumb of (buildPage(ctx(), id) as NodePage).path) assert.ok(!GROUP_IDS.includes(crumb.id) && crumb.id !== 'roadmap', crumb.id);
    }
  });

  it('an unknown id gives a "missing" page instead of throwing', () => {
    assert.deepEqual(buildPage(ctx(), 'no-such-thing'), { page: 'missing', id: 'no-such-thing' });
    for (const group of GROUP_IDS) assert.equal(buildPage(ctx(), group).page, 'missing');
  });

  it('the overview has every stage, branch and track, with edges that resolve', () => {
    const page = buildOverview(ctx());
    const ids = new Set(page.nodes.map((n) => n.id));
    assert.equal(page.nodes.filter((n) => n.group === 'trunk').length, 5);
    assert.equal(page.nodes.filter((n) => n.group === 'branch').length, index.roadmap.branches.length);
    for (const n of page.nodes) for (const next of n.next) assert.ok(ids.has(next), `${n.id} → ${next}`);
    assert.ok(page.nodes.find((n) => n.id === 'stage-junior')!.progress > 0, 'terraform in the workspace shows on the junior stage');
  });

  it('My progress shows gaps to the next stage and the target, and role fit', () => {
    const user = { ...emptyProgress(), currentStage: 'stage-junior', targetRole: 'site-reliability-engineering', orphaned: { 'old-skill': { mark: 'done' as const } } };
    const page = buildProgressPage(ctx({ position: user }), user);
    assert.equal(page.current?.id, 'stage-junior');
    assert.deepEqual(
      page.gaps.map((g) => g.to.id),
      ['stage-mid', 'site-reliability-engineering'],
    );
    assert.equal(page.fit.length, index.roadmap.branches.length);
    assert.deepEqual(page.orphaned, [{ id: 'old-skill', mark: 'done', note: undefined }]);
  });
});
