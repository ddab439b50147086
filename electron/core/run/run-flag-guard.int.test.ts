import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyLabKeys, labHostsYaml, makeLabProject } from '../test-lab/lab-project';
import { type SshdLab, startSshdLab } from '../test-lab/sshd-lab';
import { useTempDirs } from '../test-support/temp-dir';
import { runInLab } from './test-support/run-harness';

// A run that deploys with the feature-flags strategy reads its flag file on the host (real sshd)
// before step 1: a malformed file refuses the run before any action ran; a good one is edited in
// place by the deploy, every byte but the flag's weights kept.

describe('the flag provider checked before a feature-flags run starts', () => {
  const tempDir = useTempDirs('rp-flag-guard-');
  let lab: SshdLab;
  beforeAll(async () => {
    lab = await startSshdLab({ hosts: 1 });
  }, 60_000);
  afterAll(async () => {
    await lab?.stop();
  });

  function project() {
    const root = tempDir();
    const work = tempDir();
    const flagFile = join(work, 'flags.json');
    const marker = join(work, 'step-1-ran');
    makeLabProject(root, {
      runbook: `
title: Flags
roles: { devops: DevOps Engineer }
strategy: feature-flags
steps:
  - id: prepare
    title: Prepare
    owner: devops
    actions:
      - { id: mark, type: shell, argv: [touch, "${marker}"] }
  - id: release
    title: Release
    owner: devops
    actions:
      - { type: deploy }
`,
      environments: `
environments:
  prod:
    lockDir: ${work}/locks
    hosts:
${labHostsYaml(lab.hosts)}
    deploy:
      historyFile: ${work}/releases.json
      flags:
        provider: { kind: file, path: ${flagFile}, hosts: [host-1] }
        flag: new-checkout
        steps: [100]
        analysis: 0s
`,
    });
    copyLabKeys(lab, root);
    writeFileSync(join(root, '.git', 'info', 'exclude'), 'lab-keys/\n');
    return { root, flagFile, marker };
  }

  it('refuses the run before step 1, naming host, file, line and column, when the flag file is malformed', async () => {
    const { root, flagFile, marker } = project();
    const broken = '{\n  "flags": {\n    "new-checkout": { "state": "ENABLED" }\n    "other": {}\n  }\n}\n';
    writeFileSync(flagFile, broken);
    const run = await runInLab({ projectRoot: root, dataDir: tempDir(), environment: 'prod', version: 'v1.1.0' });

    expect(run.status).toBe('aborted');
    const detail = `flag file ${flagFile} on host-1: not valid JSON at line 4, column 5 (CommaExpected); it was left unchanged — fix or remove it`;
    expect(run.find('guard.failed').map((e) => e.data)).toEqual([{ guard: 'flag provider', detail }]);
    expect(run.find('run.finished')[0]?.data).toMatchObject({ status: 'aborted', reason: detail });
    // Nothing ran: no action journaled, the first step's command never touched the disk.
    expect(run.find('action.started')).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(flagFile, 'utf8')).toBe(broken);
  }, 120_000);

  it('passes the check and deploys by editing only the flag in the file on the host', async () => {
    const { root, flagFile, marker } = project();
    const line =
      '{"flags":{"new-checkout":{"state":"ENABLED","variants":{"on":true,"off":false},"defaultVariant":"off","targeting":{"fractional":[["on",0],["off",100]]}}, /* keep */ "other":{"state":"DISABLED","variants":{"on":true,"off":false},"defaultVariant":"on"}}}';
    writeFileSync(flagFile, line);
    const run = await runInLab({ projectRoot: root, dataDir: tempDir(), environment: 'prod', version: 'v1.1.0' });

    expect(run.status, JSON.stringify(run.find('run.finished'))).toBe('succeeded');
    expect(run.find('guard.passed').map((e) => e.data)).toContainEqual({
      guard: 'flag provider',
      detail: `flag file ${flagFile} on host-1 read: flag new-checkout can be set`,
    });
    expect(existsSync(marker)).toBe(true);
    expect(readFileSync(flagFile, 'utf8')).toBe(line.replace('[["on",0],["off",100]]', '[["on",100],["off",0]]'));
  }, 120_000);
});
