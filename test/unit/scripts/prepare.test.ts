import { strict as assert } from 'node:assert';
import { installPlan, missingPackages, npmInstallReason, npmPlan, type Has } from '../../../scripts/prepare.mjs';

const ALL: Has = { chromium: true, ripgrep: true, krb5: true, toolchain: true, python3: true };

describe('prepare (what npm test and npm start install on a fresh machine)', () => {
  describe('npm dependencies', () => {
    it('installs when node_modules is missing', () => {
      assert.match(npmInstallReason({ nodeModules: false, lock: 1000 }) ?? '', /missing/);
      assert.match(npmInstallReason({ nodeModules: false }) ?? '', /missing/);
    });

    it('installs when node_modules is older than package-lock.json', () => {
      assert.match(npmInstallReason({ nodeModules: true, marker: 1000, lock: 2000 }) ?? '', /older than package-lock.json/);
    });

    it('installs when npm never wrote its marker into node_modules', () => {
      assert.ok(npmInstallReason({ nodeModules: true, lock: 2000 }));
    });

    it('leaves a current node_modules alone (npm writes its marker after the lockfile)', () => {
      assert.equal(npmInstallReason({ nodeModules: true, marker: 2012, lock: 2000 }), undefined);
      assert.equal(npmInstallReason({ nodeModules: true, marker: 2000, lock: 2000 }), undefined);
      assert.equal(npmInstallReason({ nodeModules: true, marker: 2000 }), undefined, 'no lockfile: nothing to compare');
    });
  });

  describe('npm ci', () => {
    it('runs for a missing or stale node_modules, and not for a current one', () => {
      assert.deepEqual(npmPlan({ nodeModules: false, lock: 1 }), { ci: 'node_modules is missing' });
      assert.ok(npmPlan({ nodeModules: true, marker: 1, lock: 2 }) && 'ci' in npmPlan({ nodeModules: true, marker: 1, lock: 2 })!);
      assert.equal(npmPlan({ nodeModules: true, marker: 2, lock: 1 }), undefined);
    });

    it('never runs through a node_modules that is a symbolic link (npm ci would empty the folder it points to)', () => {
      const plan = npmPlan({ nodeModules: true, linked: true, marker: 1, lock: 2 });
      assert.ok(plan && 'warn' in plan && /symbolic link/.test(plan.warn));
      assert.equal(npmPlan({ nodeModules: true, linked: true, marker: 2, lock: 1 }), undefined);
    });
  });

  describe('system packages', () => {
    it('needs nothing on a machine that has everything', () => {
      assert.deepEqual(missingPackages({ purpose: 'test', hostInstalled: false, has: ALL }), []);
    });

    it('names each missing package by its Debian name, in one order', () => {
      const none: Has = { chromium: false, ripgrep: false, krb5: false, toolchain: false, python3: false };
      assert.deepEqual(missingPackages({ purpose: 'test', hostInstalled: false, has: none }), ['chromium', 'ripgrep', 'libkrb5-dev', 'build-essential', 'python3']);
      assert.deepEqual(missingPackages({ purpose: 'test', hostInstalled: false, has: { ...ALL, krb5: false } }), ['libkrb5-dev']);
    });

    it('npm start needs no browser; the host packages only until the host is installed', () => {
      assert.deepEqual(missingPackages({ purpose: 'start', hostInstalled: false, has: { ...ALL, chromium: false, ripgrep: false } }), ['ripgrep']);
      assert.deepEqual(missingPackages({ purpose: 'start', hostInstalled: true, has: { ...ALL, ripgrep: false, toolchain: false } }), []);
      assert.deepEqual(missingPackages({ purpose: 'test', hostInstalled: true, has: { ...ALL, chromium: false, krb5: false } }), ['chromium']);
    });

    it('installs as root or through passwordless sudo, noninteractively', () => {
      assert.equal(installPlan([], { root: false, sudo: false, aptGet: true }), undefined);
      assert.deepEqual(installPlan(['chromium', 'ripgrep'], { root: true, sudo: false, aptGet: true }), {
        run: [
          ['apt-get', ['update']],
          ['apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'ripgrep']],
        ],
      });
      assert.deepEqual(installPlan(['ripgrep'], { root: false, sudo: true, aptGet: true }), {
        run: [
          ['sudo', ['-n', 'apt-get', 'update']],
          ['sudo', ['-n', 'apt-get', 'install', '-y', '--no-install-recommends', 'ripgrep']],
        ],
      });
    });

    it('otherwise stops with the one command to run', () => {
      assert.deepEqual(installPlan(['chromium', 'libkrb5-dev'], { root: false, sudo: false, aptGet: true }), {
        ask: "sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends chromium libkrb5-dev'",
      });
      const other = installPlan(['chromium'], { root: true, sudo: false, aptGet: false });
      assert.ok(other && 'ask' in other && other.ask.includes('chromium'));
    });
  });
});
