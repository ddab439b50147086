import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/runs/run-event';
import { flagPercentage, parseFlagDocument } from '../deploy/flags/flagd-document';
import { readEnvironmentReleases } from '../deploy/history/read-history';
import { silentLogger } from '../logging/logger';
import { makeLabProject } from '../test-lab/lab-project';
import { type FlagApp, startFlagApp } from './test-support/flag-app';
import { runInLab } from './test-support/run-harness';

// A feature-flag rollback is verified by what it changed (issue #18, item 10): the flag, read back
// from its real flagd file, and the rule that fired, quiet again on the probes since. The code on
// the host stays the new version and the app reports no version, so waiting for the old version to
// answer (what the rollback used to do) could never succeed. A revert that does not stop the
// errors (a bug outside the flag) still ends "rollback failed", saying which rule is still over.

const flag = 'new-checkout';

const runbook = (codeFile: string) => `
title: Feature flag, verified rollback
roles: { devops: DevOps Engineer }
strategy: feature-flags
steps:
  - id: production
    title: Production
    owner: devops
    actions:
      - { type: shell, argv: [sh, -c, 'printf "%s\\n" "$0" > ${codeFile}', "\${version}"] }
      - { type: deploy }
  - id: monitoring
    title: Monitoring
    owner: devops
    actions:
      - { type: watch, duration: 3s }
alerts:
  - { name: RollbackOnErrorRate, condition: error_rate > 10%, for: 1s, severity: critical, action: rollback }
`;

const data = <T extends RunEvent['type']>(events: RunEvent[], type: T) =>
  events.filter((e) => e.type === type).map((e) => e.data as Record<string, unknown>);

describe('a feature-flag rollback, verified by the flag and the rule that fired', () => {
  const made: string[] = [];
  const apps: FlagApp[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-flag-verify-'));
    made.push(dir);
    return dir;
  };

  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  /** v1 live behind the flag (a first run ramped it to 100 %), with the app reading the real flag file. */
  async function liveV1() {
    const dir = tempDir();
    const flagFile = join(dir, 'flags.json');
    const codeFile = join(dir, 'code');
    writeFileSync(
      flagFile,
      `${JSON.stringify({ flags: { [flag]: { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' } } })}\n`,
    );
    const app = await startFlagApp({ flagFile, codeFile, flag, failing: { v2: 'flagged', v3: 'always' } });
    apps.push(app);
    const root = tempDir();
    const dataDir = tempDir();
    const environments = `
environments:
  prod:
    lockDir: ${tempDir()}/locks
    urls: { health: "${app.healthUrl}" }
    deploy: { flags: { provider: { kind: file, path: ${flagFile} }, flag: ${flag}, steps: [50, 100], analysis: 3s } }
    monitoring:
      probes: { url: "${app.url}", rate: 50, window: 2s, baseline: 0s }
`;
    makeLabProject(root, { runbook: runbook(codeFile), environments }, ['v1', 'v2', 'v3']);
    const run = (version: string) => runInLab({ projectRoot: root, dataDir, environment: 'prod', version });
    const first = await run('v1');
    expect(first.status, JSON.stringify(first.find('action.failed').map((e) => e.data.error))).toBe('succeeded');
    const flagNow = () => flagPercentage(parseFlagDocument(readFileSync(flagFile, 'utf8'), flagFile), flag);
    expect(flagNow()).toBe(100);
    const live = async () =>
      (await readEnvironmentReleases({ projectRoot: root, environment: 'prod', dataDir, logger: silentLogger })).live
        ?.version;
    return { app, run, flagNow, live, codeFile };
  }

  it('the flag goes off and the errors stop: rolled back, verified by the flag state and the quiet rule', async () => {
    const { app, run, flagNow, live, codeFile } = await liveV1();

    const bad = await run('v2');

    const verified = data(bad.events, 'rollback.verified');
    expect(bad.status, JSON.stringify([bad.find('run.finished'), verified])).toBe('rolled-back');
    expect(verified).toEqual([
      {
        by: 'flag',
        ok: true,
        detail: expect.stringMatching(
          /^flag new-checkout reads 0 % in flag file .*; rule "RollbackOnErrorRate" is back under its threshold \([\d.]+% over \d+ probes since the revert\)$/,
        ),
      },
    ]);
    // What is true on the target: the file says off, the code is still v2, and users get answers.
    expect(flagNow()).toBe(0);
    expect(readFileSync(codeFile, 'utf8').trim()).toBe('v2');
    expect((await fetch(app.url)).status).toBe(200);
    expect(await live()).toBe('v1');
    const report = readFileSync(join(bad.runDir, 'report.md'), 'utf8');
    expect(report).toContain('**Rollback verified by**: the flag state, passed');
  }, 180_000);

  it('the flag goes off but the errors go on: "rollback failed", naming the rule still over its threshold', async () => {
    const { run, flagNow } = await liveV1();

    const bad = await run('v3');

    expect(bad.status).toBe('failed');
    const verified = data(bad.events, 'rollback.verified');
    expect(verified).toEqual([
      {
        by: 'flag',
        ok: false,
        detail: expect.stringMatching(
          /^flag new-checkout reads 0 % in .*, but rule "RollbackOnErrorRate" \(error_rate > 10%\) is still over its threshold 30 s after the revert \(100% over \d+ probes since\)$/,
        ),
      },
    ]);
    expect(flagNow()).toBe(0);
    expect(String(data(bad.events, 'run.finished')[0]?.reason)).toMatch(
      /the rollback failed: reverting the deployment failed: .*RollbackOnErrorRate.* is still over its threshold/,
    );
  }, 180_000);
});
