import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunEvent } from '../../../shared/runs/run-event';
import { verifyJournal } from '../journal/journal-reader';
import { silentLogger } from '../logging/logger';
import { envSecrets } from '../secrets/env-secrets';
import { makeLabProject } from '../test-lab/lab-project';
import { freePort } from '../test-lab/sshd-lab';
import { answersDecider } from './answers-decider';
import { resumeRun } from './run-launcher';
import { answers, runInLab } from './test-support/run-harness';
import { buildVersionApp, versionAppEnvironment } from './test-support/version-app';

// A run that crashed in the middle of a deploy, resumed and rolled back: the strategy that deployed
// lived only in the dead process's memory, yet the rollback must still put the old version back.

const image = `rp-it-resume-${Math.random().toString(36).slice(2, 8)}`;
const container = `${image}-app`;

const runbook = `
title: Recreate
roles: { devops: DevOps Engineer }
strategy: recreate
steps:
  - id: production
    title: Production
    owner: devops
    actions:
      - { id: deploy, type: deploy }
`;

describe('resuming a run that crashed during its deploy', () => {
  const made: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-resume-deploy-'));
    made.push(dir);
    return dir;
  };
  let root: string;
  let dataDir: string;
  let port: number;

  beforeAll(async () => {
    await buildVersionApp(image, 'v1.0.0');
    await buildVersionApp(image, 'v1.1.0');
    port = await freePort();
    root = tempDir();
    dataDir = tempDir();
    const environments = versionAppEnvironment({ image, container, port, lockDir: `${tempDir()}/locks`, rate: 20 });
    makeLabProject(root, { runbook, environments }, ['v1.0.0', 'v1.1.0']);
  }, 180_000);

  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
    execFileSync('docker', ['rm', '-f', container], { stdio: 'ignore' });
  });

  const answering = async () => (await (await fetch(`http://127.0.0.1:${port}/cgi-bin/version`)).text()).trim();

  it('reverts the deployment the dead process made when the operator rolls back', async () => {
    const first = await runInLab({ projectRoot: root, dataDir, environment: 'prod', version: 'v1.0.0' });
    expect(first.status, JSON.stringify(first.find('action.failed').map((e) => e.data.error))).toBe('succeeded');
    const second = await runInLab({ projectRoot: root, dataDir, environment: 'prod', version: 'v1.1.0' });
    expect(second.status).toBe('succeeded');
    expect(await answering()).toBe('v1.1.0');

    // The crash: v1.1.0 is live on the target, but the journal ends before the deploy passed.
    const journalPath = join(second.runDir, 'journal.ndjson');
    const lines = readFileSync(journalPath, 'utf8').trimEnd().split('\n');
    const passedAt = lines.findIndex((line) => {
      const event = RunEvent.parse(JSON.parse(line));
      return event.type === 'action.passed' && event.data.action === 'production.deploy';
    });
    expect(passedAt).toBeGreaterThan(0);
    writeFileSync(journalPath, `${lines.slice(0, passedAt).join('\n')}\n`);

    const events: RunEvent[] = [];
    const handle = await resumeRun(
      second.handle.runId,
      {
        operator: { by: 'Ada Lovelace', role: 'devops' },
        decider: answersDecider(answers({ failures: { 'production.deploy': 'rollback' } })),
      },
      { dataDir, logger: silentLogger, secrets: envSecrets(process.env), onEvent: (event) => events.push(event) },
    );
    const status = await handle.done;

    const revert = events.find((e) => e.type === 'action.passed' && e.data.action === '@rollback.revert');
    expect(revert, JSON.stringify(events.filter((e) => e.type.startsWith('action.')).map((e) => e.data))).toBeDefined();
    expect(status).toBe('rolled-back');
    expect(await answering()).toBe('v1.0.0');
    expect((await verifyJournal(journalPath)).ok).toBe(true);
  }, 180_000);
});
