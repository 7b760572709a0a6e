// The hostile files of the scanner-safety issue, one folder each, for `npm run bench` (time per
// bait file through the shipped CLI) and for anyone who wants to throw them at a build by hand.
// Each bait was minutes of regex backtracking (or a hang) before the scanner's rules were made
// linear and its detectors moved into time-budgeted workers.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const KB = 1024;
const blank = (n) => '\n'.repeat(n);

/** name → { file: relative path, content }. */
export const BAITS = {
  'compose, 15 indented lines': { file: 'docker-compose.yml', content: 'x:\n' + '  a\n'.repeat(15) },
  'compose, 40 indented lines': { file: 'docker-compose.yml', content: 'x:\n' + '  a\n'.repeat(40) },
  'workflow, 3,000 blank lines': { file: '.github/workflows/ci.yml', content: 'on: push\n' + blank(3000) },
  'workflow, 256 KB blank lines': { file: '.github/workflows/ci.yml', content: 'on: push\n' + blank(256 * KB - 9) },
  'main.tf, 32 KB of newlines': { file: 'main.tf', content: blank(32 * KB) },
  'main.tf, 64 KB of newlines': { file: 'main.tf', content: blank(64 * KB) },
  'requirements.txt, one 256 KB line of spaces': { file: 'requirements.txt', content: ' '.repeat(256 * KB) },
  'build.gradle, 256 KB blank lines': { file: 'build.gradle', content: blank(256 * KB) },
  'go.mod, 256 KB blank lines': { file: 'go.mod', content: 'module x\n' + blank(256 * KB - 9) },
  'nginx.conf, 256 KB blank lines': { file: 'nginx.conf', content: blank(256 * KB) },
  'notebook, 256 KB of spaces': { file: 'nb.ipynb', content: '{"cells": [' + ' '.repeat(256 * KB - 12) },
  'Jenkinsfile, 256 KB blank lines': { file: 'Jenkinsfile', content: 'pipeline {\n' + blank(256 * KB - 11) },
  'Ansible playbook, 256 KB blank lines': { file: 'site.yml', content: '- hosts: all\n' + blank(256 * KB - 13) },
  'Prometheus rules, 256 KB blank lines': { file: 'rules.yml', content: 'groups:\n' + blank(256 * KB - 8) },
  // The YAML fast paths: a text js-yaml refuses, read document by document; an anchor standing for
  // more than the bound on shared nodes (100,000), which goes to `yaml`.
  'Prometheus rules, 18,000 broken documents': {
    file: 'alerts.yml',
    content: 'groups:\n- name: x\n  rules:\n  - alert: y\n    expr: up == 0\n' + '---\ngroups: [\n'.repeat(18_000),
  },
  'compose, one anchor aliased 99 times (110,000 nodes)': {
    file: 'compose.yaml',
    content: `x-big: &big [${'1,'.repeat(1110)}1]\nservices:\n` + Array.from({ length: 99 }, (_, i) => `  s${i}: {image: nginx, labels: *big}\n`).join(''),
  },
};

/** Writes each bait into a folder of its own below `dir` (emptied first); returns [{ name, dir }]. */
export function writeBaits(dir) {
  rmSync(dir, { recursive: true, force: true });
  return Object.entries(BAITS).map(([name, { file, content }], i) => {
    const root = path.join(dir, String(i).padStart(2, '0'));
    const abs = path.join(root, ...file.split('/'));
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    return { name, dir: root };
  });
}
