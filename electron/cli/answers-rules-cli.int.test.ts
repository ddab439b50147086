import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneStepRunbook, touchMarkerAction } from '../core/run/test-support/one-step-runbook';
import { makeLabProject } from '../core/test-lab/lab-project';
import { useTempDirs } from '../core/test-support/temp-dir';

// Issue #18 item 8, with an answers file: an answer the run would refuse (the operator approving
// on a protected environment, a typed name that does not match) cannot be asked again from a file,
// so `run` refuses the file with exit 2 before anything runs: no journal, no lock, no action.

const runbook = oneStepRunbook({
  title: 'Rules',
  roles: '{ devops: DevOps Engineer, tech-lead: Tech Lead }',
  step: 'ship',
  actions: [touchMarkerAction],
});

const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');
const cliRun = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('release-pilot run --answers: answers that break a rule', () => {
  const tempDir = useTempDirs('rp-cli-rules-');

  function setup(answersYaml: string) {
    const root = tempDir();
    const marker = join(tempDir(), 'deployed');
    const lockDir = join(tempDir(), 'locks');
    makeLabProject(root, {
      runbook,
      environments: `environments:\n  production:\n    protected: true\n    approvals: [tech-lead]\n    lockDir: ${lockDir}\n    variables: { marker: '${marker}' }\n`,
    });
    const answers = join(tempDir(), 'prod-answers.yml');
    writeFileSync(answers, answersYaml);
    const dataDir = tempDir();
    const run = cliRun([
      'run',
      '--project',
      root,
      '--env',
      'production',
      '--version',
      'v1.1.0',
      '--answers',
      answers,
      '--data-dir',
      dataDir,
    ]);
    return { run, answers, marker, lockDir, dataDir };
  }

  const nothingRan = (s: ReturnType<typeof setup>) => {
    expect(existsSync(s.marker)).toBe(false);
    expect(existsSync(s.lockDir)).toBe(false);
    const runs = join(s.dataDir, 'runs');
    expect(existsSync(runs) ? readdirSync(runs) : []).toEqual([]);
  };

  it('refuses an approval signed by the operator, naming the file, the key and the reason (exit 2)', () => {
    const s = setup(
      'operator: { name: Ada Lovelace, role: devops }\nconfirm: production\napprovals:\n  tech-lead: { by: " ada  lovelace" }\n',
    );
    expect(s.run.status).toBe(2);
    expect(s.run.stderr).toContain(`answers file ${s.answers}`);
    expect(s.run.stderr).toContain(
      `approvals."tech-lead": production is protected: Tech Lead's approval must come from someone other than the operator (ada  lovelace)`,
    );
    nothingRan(s);
  });

  it('refuses a typed confirmation that does not match (exit 2)', () => {
    const s = setup(
      'operator: { name: Ada Lovelace, role: devops }\nconfirm: prod\napprovals:\n  tech-lead: { by: Grace Hopper }\n',
    );
    expect(s.run.status).toBe(2);
    expect(s.run.stderr).toContain('confirm: confirmation "prod" does not match the environment name "production"');
    nothingRan(s);
  });

  it('runs the same file once the approval comes from someone else', () => {
    const s = setup(
      'operator: { name: Ada Lovelace, role: devops }\nconfirm: production\napprovals:\n  tech-lead: { by: Grace Hopper }\n',
    );
    expect(s.run.stderr).toBe('');
    expect(s.run.status).toBe(0);
    expect(existsSync(s.marker)).toBe(true);
  });
});
