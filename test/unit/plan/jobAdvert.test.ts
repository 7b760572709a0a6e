import { strict as assert } from 'node:assert';
import { readRoadmapFile } from '../../../src/core/roadmapFile';
import { EvidenceIndex } from '../../../src/core/progress';
import { advertJson, compareAdvert, createAdvertMatcher, splitAdvert, MAX_ADVERT_LINES } from '../../../src/core/plan';
import type { ScanFindings } from '../../../src/core/detection';

const index = readRoadmapFile('data/roadmap.json');
const matcher = createAdvertMatcher(index);
const skillsOf = (line: string) => matcher.match(line).skills;

/** Advert lines and the skills each must map to: technologies, acronyms, synonyms, typos. */
const MAPPED: [string, string[]][] = [
  ['3+ years of experience with Terraform and AWS', ['terraform-proficiency', 'aws-core-services']],
  ['Hands-on Kubernetes (EKS) and Helm charts', ['kubernetes-in-production', 'aws-core-services', 'helm-charts']],
  ['Strong CI/CD experience: GitHub Actions, GitLab or Jenkins', ['cicd-pipelines']],
  ['Experience running k8s in production', ['kubernetes-in-production']],
  ['Solid understanding of Infrastructure as Code (IaC)', ['iac-breadth']],
  ['Monitoring with Prometheus and Grafana', ['monitoring-alerting']],
  ['Knowledge of kuberentes networking', ['kubernetes-in-production', 'networking-fundamentals']],
  ['Experience writing Terrafrom modules', ['terraform-proficiency']],
  ['Familiarity with ArgoCD or Flux (GitOps)', ['gitops-workflows']],
  ['Scripting in Bash or Python', ['bash-scripting', 'python-automation']],
  ['Docker and containerisation', ['production-docker']],
  ['Observability: logs, metrics and tracing (OTel)', ['observability-stack']],
  ['Define SLOs and error budgets with product teams', ['slo-error-budgets']],
  ['SAST and container scanning in the pipeline', ['security-scanning-ci', 'cicd-pipelines']],
  ['Policy as code with OPA or Kyverno', ['policy-enforcement']],
  ['Experience with MLflow and Kubeflow', ['ml-pipeline-orchestration']],
  ['Ansible for configuration management', ['configuration-management']],
  ['Linux administration', ['linux-fundamentals']],
  ['Azure or GCP experience', ['cloud-platform-depth']],
  ['CKA certification is a plus', ['kubernetes-in-production', 'helm-charts']],
  ['Incident management and on-call rotation', ['incident-response']],
  ['Experience with Datadog or New Relic', ['observability-stack']],
  ['Load testing with k6', ['capacity-planning']],
  ['Tracking DORA metrics', ['delivery-metrics']],
  ['Continuous deployment to production several times a day', ['cicd-pipelines']],
  ['Unix and TCP/IP fundamentals', ['linux-fundamentals', 'networking-fundamentals']],
  ['Canary and blue-green releases', ['deployment-strategies']],
  ['GPU clusters for model training', ['gpu-infrastructure']],
  ['Dependency updates with Renovate, SBOM generation', ['vulnerability-management', 'supply-chain-security']],
];

/** Lines with no DevOps meaning: soft skills, benefits, hobbies, company blurb. */
const UNMATCHED = [
  'Excellent communication skills',
  'Team player with a positive attitude',
  'Mentoring junior engineers',
  'Strong problem-solving skills',
  '25 days holiday plus bank holidays',
  'Competitive salary and performance bonus',
  'Private health insurance',
  'Cycle to work scheme',
  'We love hiking, board games and good coffee',
  'Hybrid working: two days a week in our London office',
  'Make an impact in a fast-growing team',
  'Cost-conscious culture with a clear vision',
  'Pension matched up to 5%',
];

describe('job advert: mapping lines to skills', () => {
  for (const [line, skills] of MAPPED) {
    it(`maps "${line}"`, () => assert.deepEqual(skillsOf(line), skills));
  }

  for (const line of UNMATCHED) {
    it(`leaves "${line}" unmatched`, () => assert.deepEqual(skillsOf(line), []));
  }

  it('covers at least 30 advert lines', () => assert.ok(MAPPED.length + UNMATCHED.length >= 30));

  it('says which words named each skill', () => {
    assert.deepEqual(matcher.match('Hands-on k8s and Terraform').terms, ['k8s', 'terraform']);
  });

  it('does not read a typo into a word that is only close to a short name', () => {
    assert.deepEqual(skillsOf('Dockets and filing'), []);
  });
});

describe('job advert: splitting into requirement lines', () => {
  it('drops bullets, blank lines and short headings, and splits paragraphs into sentences', () => {
    const { lines } = splitAdvert('About the role:\n\n• Terraform\n- Kubernetes; Helm\n1. Python\n(a) Go\nWe run on AWS. You will own our pipelines.\r\n');
    assert.deepEqual(lines, ['Terraform', 'Kubernetes', 'Helm', 'Python', 'Go', 'We run on AWS.', 'You will own our pipelines.']);
  });

  it(`reads at most ${MAX_ADVERT_LINES} lines and says so`, () => {
    const { lines, truncated } = splitAdvert('Terraform\n'.repeat(MAX_ADVERT_LINES + 5));
    assert.equal(lines.length, MAX_ADVERT_LINES);
    assert.equal(truncated, true);
  });
});

describe('job advert: status of each requirement', () => {
  const findings: ScanFindings = {
    technologies: [{ id: 'terraform', evidence: ['infra/main.tf'], fileCount: 1, fixtureOnly: false }],
    practices: [],
  };
  const evidence = new EvidenceIndex([{ folder: 'platform', result: findings }]);
  const marks = { 'python-automation': { mark: 'done' as const } };
  const advert = ['Requirements:', '- Terraform', '- Python', '- Terraform and Kubernetes', '- Terraform or Kubernetes', '- Kubernetes', '- 25 days holiday'].join('\n');
  const report = compareAdvert(index, matcher, advert, evidence, marks);
  const byText = (text: string) => report.requirements.find((r) => r.text === text);

  it('is evidenced by a repository, with the repository and file', () => {
    assert.equal(byText('Terraform')?.status, 'evidenced');
    assert.deepEqual(
      byText('Terraform')?.skills[0].evidence.map((e) => `${e.folder}/${e.path}`),
      ['platform/infra/main.tf'],
    );
  });

  it('is marked by your own "done" mark', () => assert.equal(byText('Python')?.status, 'marked'));

  it('is missing when nothing shows it', () => assert.equal(byText('Kubernetes')?.status, 'missing'));

  it('needs every skill a line names, unless the line offers alternatives with "or"', () => {
    assert.equal(byText('Terraform and Kubernetes')?.status, 'missing');
    assert.equal(byText('Terraform or Kubernetes')?.status, 'evidenced');
  });

  it('lists the lines it could not map, as written, and the CLI JSON has the documented shape', () => {
    assert.deepEqual(report.unmatched, ['25 days holiday']);
    assert.deepEqual(advertJson(report).requirements[0], { text: 'Terraform', skills: ['terraform-proficiency'], status: 'evidenced' });
    assert.deepEqual(Object.keys(advertJson(report)), ['requirements', 'unmatched']);
  });
});
