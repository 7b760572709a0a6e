import { strict as assert } from 'node:assert';
import { readRoadmapFile } from '../../src/core/roadmapFile';
import { EvidenceIndex, completion, describeCompletion, skillStatus } from '../../src/core/progress';
import { gapsTo, nextTrunkStage, roleFit } from '../../src/core/insights';
import type { ScanResult } from '../../src/scanner/types';

const index = readRoadmapFile('data/roadmap.json');

function scanWith(technologies: string[], practices: string[] = []): ScanResult {
  return {
    root: '/repo',
    filesSeen: 10,
    filesRead: 5,
    bytesRead: 100,
    durationMs: 1,
    truncated: false,
    skipped: [],
    technologies: technologies.map((id) => ({ id, evidence: [`${id}/file`], fileCount: 1, fixtureOnly: false })),
    practices: practices.map((id) => ({ id, evidence: [`${id}/file`] })),
  };
}

describe('progress model', () => {
  const terraformSkill = index.skillsForEvidence('terraform')[0];
  const evidence = new EvidenceIndex([{ folder: 'app', result: scanWith(['terraform', 'docker'], ['k8s-network-policy']) }]);

  it('marks a skill practiced when any of its evidence ids is found, with the files', () => {
    assert.equal(skillStatus(terraformSkill, evidence, {}), 'practiced');
    assert.deepEqual(
      evidence.evidenceFor(terraformSkill).map((e) => e.path),
      ['terraform/file'],
    );
  });

  it('lets the user\'s "done" and "skipped" win over evidence, and "learning" show until evidence appears', () => {
    assert.equal(skillStatus(terraformSkill, evidence, { [terraformSkill.id]: { mark: 'skipped' } }), 'skipped');
    assert.equal(skillStatus(terraformSkill, evidence, { [terraformSkill.id]: { mark: 'done' } }), 'done');
    assert.equal(skillStatus(terraformSkill, evidence, { [terraformSkill.id]: { mark: 'learning' } }), 'practiced');
    assert.equal(skillStatus(terraformSkill, EvidenceIndex.empty, { [terraformSkill.id]: { mark: 'learning' } }), 'learning');
    assert.equal(skillStatus(terraformSkill, EvidenceIndex.empty, {}), 'not-started');
  });

  it('merges evidence of several folders without repeating a file', () => {
    const two = new EvidenceIndex([
      { folder: 'a', result: scanWith(['terraform'], ['terraform-modules']) },
      { folder: 'b', result: scanWith(['terraform']) },
    ]);
    const files = two.evidenceFor(terraformSkill).map((e) => `${e.folder}:${e.path}`);
    assert.equal(new Set(files).size, files.length);
    assert.ok(files.includes('a:terraform/file') && files.includes('b:terraform/file'));
    assert.ok(two.hasFile('b', 'terraform/file'));
    assert.ok(!two.hasFile('b', '../../etc/passwd'));
  });

  it("counts a stage's practiced and done skills", () => {
    const skills = index.skillsOf('stage-junior');
    const c = completion(skills, evidence, { [skills[0].id]: { mark: 'done' } });
    assert.equal(c.total, skills.length);
    assert.ok(c.practiced >= 1);
    assert.equal(c.done, 1);
    assert.match(describeCompletion(c), /^\d+\/\d+ practiced · 1 done$/);
  });
});

describe('gaps to the next step', () => {
  it('the next trunk stage follows by order, and the last stage has none', () => {
    assert.equal(nextTrunkStage(index, 'stage-junior')?.id, 'stage-mid');
    assert.equal(nextTrunkStage(index, 'stage-staff-principal-architect'), undefined);
  });

  it('lists only missing skills, learning first, each with how to evidence it', () => {
    const mid = index.skillsOf('stage-mid');
    const practiced = mid.find((s) => s.detectable)!;
    const learning = mid.filter((s) => s.id !== practiced.id).at(-1)!;
    const evidence = new EvidenceIndex([{ folder: 'app', result: scanWith([practiced.evidence.technologies[0] ?? ''], practiced.evidence.practices.slice(0, 1)) }]);
    const report = gapsTo(index, 'stage-mid', evidence, { [learning.id]: { mark: 'learning' } }, 'stage-junior')!;
    assert.equal(report.to.title, index.titleOf('stage-mid'));
    assert.equal(report.from?.id, 'stage-junior');
    assert.ok(!report.missing.some((g) => g.skill.id === practiced.id), 'a practiced skill is not a gap');
    assert.equal(report.missing[0].skill.id, learning.id, 'what you are learning comes first');
    assert.equal(report.have + report.missing.length, report.total);
    for (const g of report.missing) assert.ok(g.howToEvidence.length > 10, `${g.skill.id} says how to evidence it`);
    const undetectable = report.missing.find((g) => !g.skill.detectable);
    if (undetectable) assert.match(undetectable.howToEvidence, /mark it/);
  });

  it('is empty when every skill is done', () => {
    const marks = Object.fromEntries(index.skillsOf('stage-mid').map((s) => [s.id, { mark: 'done' as const }]));
    assert.deepEqual(gapsTo(index, 'stage-mid', EvidenceIndex.empty, marks)!.missing, []);
  });
});

describe('role fit', () => {
  it('ranks the specialisation whose skills the workspace shows first', () => {
    const sre = index.skillsOf('site-reliability-engineering');
    const ids = sre.flatMap((s) => s.evidence.technologies);
    const practices = sre.flatMap((s) => s.evidence.practices);
    const fit = roleFit(index, new EvidenceIndex([{ folder: 'x', result: scanWith(ids, practices) }]), {});
    assert.equal(fit[0].id, 'site-reliability-engineering');
    assert.ok(fit[0].percent > fit.at(-1)!.percent);
    assert.ok(fit[0].matched.length > 0);
    for (const f of fit) assert.ok(f.percent >= 0 && f.percent <= 100);
  });

  it('counts learning as half', () => {
    const branch = index.roadmap.branches.find((b) => b.skills.length >= 2)!;
    const skills = index.skillsOf(branch.id);
    const marks = Object.fromEntries(skills.map((s) => [s.id, { mark: 'learning' as const }]));
    const fit = roleFit(index, EvidenceIndex.empty, marks).find((f) => f.id === branch.id)!;
    assert.equal(fit.percent, 50);
  });

  it('is 0% everywhere for a newcomer, ordered by title', () => {
    const fit = roleFit(index, EvidenceIndex.empty, {});
    assert.ok(fit.every((f) => f.percent === 0));
    assert.deepEqual(
      fit.map((f) => f.title),
      [...fit.map((f) => f.title)].sort((a, b) => a.localeCompare(b)),
    );
  });
});
