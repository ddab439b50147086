import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyLabKeys, labHostsYaml, makeLabProject } from '../core/test-lab/lab-project';
import { type SshdHandle, type SshdLab, startSshd, startSshdLab } from '../core/test-lab/sshd-lab';
import { useTempDirs } from '../core/test-support/temp-dir';

// Issue #18 item 6: sshd dies mid-run, the failing action is skipped, the run "succeeds" — and
// its deploy lock stays on the host. The run must say so (output, exit status, report, `runs`),
// and the next run here, whose journal proves that run ended, releases the lock by itself.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');

function cli(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 90_000 });
}

/** Reads a file on the lab host over a real SSH connection (what is true on the target). */
function onHost(lab: SshdLab, port: number, ...command: string[]): { status: number | null; stdout: string } {
  const result = spawnSync(
    'ssh',
    [
      ...['-i', lab.clientKeyPath, '-p', String(port), '-o', `UserKnownHostsFile=${lab.knownHostsPath}`],
      ...['-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes', `${lab.hosts[0]!.user}@127.0.0.1`],
      ...command,
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  return { status: result.status, stdout: result.stdout };
}

describe('a deploy lock on a host that went away', () => {
  const tempDir = useTempDirs('rp-lock-left-');
  let lab: SshdLab;
  let restarted: SshdHandle | undefined;

  beforeAll(async () => {
    lab = await startSshdLab({ hosts: 1 });
  });
  afterAll(async () => {
    await restarted?.stop();
    await lab?.stop();
  });

  it('is reported as still held (output, exit 4, report, runs) and released by the next run, which proves its run ended', async () => {
    const work = tempDir();
    const lockDir = join(work, 'locks');
    const hold = join(work, 'hold');
    const root = join(work, 'project');
    const runbook = `
title: Lock left
roles: { devops: DevOps }
steps:
  - id: deploy
    title: Deploy
    owner: devops
    actions:
      - id: remote
        type: ssh.exec
        argv: [sh, -c, 'while [ -f "$0" ]; do sleep 0.1; done; echo done', '${hold}']
`;
    const environments = `environments:\n  staging:\n    lockDir: ${lockDir}\n    hosts:\n${labHostsYaml(lab.hosts)}\n`;
    makeLabProject(root, { runbook, environments });
    copyLabKeys(lab, root);
    const dataDir = join(work, 'data');
    const answers = join(work, 'answers.yml');
    writeFileSync(
      answers,
      'operator: { name: Ada Lovelace, role: devops }\nfailures:\n  deploy.remote: { skip: "host went down; checked by hand" }\n',
    );
    const args = ['run', '--project', root, '--env', 'staging', '--version', 'v1.1.0', '--answers', answers];

    // Run 1: the remote command waits on `hold`; once it has started, the host's sshd goes away.
    writeFileSync(hold, '');
    const child = spawn(process.execPath, [bin, ...args, '--data-dir', dataDir], { stdio: 'pipe' });
    let out = '';
    let err = '';
    let stopped: Promise<void> | undefined;
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!stopped && out.includes('▶ deploy.remote')) stopped = lab.servers[0]!.stop();
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    await stopped;
    rmSync(hold, { force: true });
    const firstId = /Run (\S+):/.exec(out)![1]!;
    const where = `host-1:${lockDir}/staging.lock`;
    expect(out, err).toContain('▷ deploy.remote skipped by Ada Lovelace');
    expect(out).toContain('Run succeeded');
    expect(out).toContain(`! lock still held at ${where} (could not release:`);
    expect(code).toBe(4);
    const journal1 = readFileSync(join(dataDir, 'runs', firstId, 'journal.ndjson'), 'utf8');
    expect(journal1).toContain('"type":"lock.release-failed"');

    const runs = cli(['runs', '--data-dir', dataDir]);
    expect(runs.stdout).toContain(`lock still held at ${where} (could not release:`);
    const listed = JSON.parse(cli(['runs', '--json', '--data-dir', dataDir]).stdout) as Array<{
      id: string;
      status: string;
      lockLeft?: { where: string };
    }>;
    expect(listed[0]).toMatchObject({ id: firstId, status: 'succeeded', lockLeft: { where } });
    const report = cli(['report', firstId, '--data-dir', dataDir]);
    expect(report.status).toBe(0);
    expect(report.stdout).toContain(`Deploy lock still held at ${where} (could not release:`);

    // The host comes back (same address, same host key): the lock directory is still there.
    restarted = await startSshd({
      name: 'host-1',
      dir: lab.dir,
      authorizedKey: lab.clientPublicKey,
      clientKeyPath: lab.clientKeyPath,
      port: lab.hosts[0]!.port,
      keepHostKey: true,
    });
    const held = onHost(lab, restarted.port, 'cat', `${lockDir}/staging.lock/info.json`);
    expect(held.status).toBe(0);
    expect(JSON.parse(held.stdout)).toMatchObject({ runId: firstId });

    // Run 2: no --break-lock; the journal of run 1 proves it ended, so its lock is released.
    const second = cli([...args, '--data-dir', dataDir]);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`lock at ${where} was left by run ${firstId}`);
    expect(second.stdout).toContain('Run succeeded');
    const secondId = /Run (\S+):/.exec(second.stdout)![1]!;
    const events = readFileSync(join(dataDir, 'runs', secondId, 'journal.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> });
    const released = events.find((e) => e.type === 'lock.stale-released');
    expect(released?.data).toMatchObject({ where, previous: { runId: firstId, holder: expect.any(String) } });
    expect(released?.data.proof).toContain(`run ${firstId} ended succeeded`);
    expect(events.some((e) => e.type === 'lock.broken')).toBe(false);
    // …and given back at its end: nothing is left on the host.
    expect(onHost(lab, restarted.port, 'test', '-e', `${lockDir}/staging.lock`).status).toBe(1);
  }, 120_000);

  it('still refuses a lock whose run this machine does not know to have ended', () => {
    const work = tempDir();
    const root = join(work, 'project');
    const lockDir = join(work, 'locks');
    makeLabProject(root, {
      runbook:
        'title: T\nroles: { devops: DevOps }\nsteps:\n  - { id: s, title: S, owner: devops, actions: [{ type: shell, argv: [echo, hi] }] }\n',
      environments: `environments:\n  staging:\n    lockDir: ${lockDir}\n`,
    });
    execFileSync('mkdir', ['-p', join(lockDir, 'staging.lock')]);
    const info = {
      holder: 'Grace on another-laptop',
      runId: '20260101-000000-staging-abcd',
      at: new Date().toISOString(),
    };
    writeFileSync(join(lockDir, 'staging.lock', 'info.json'), JSON.stringify(info));
    const answers = join(work, 'answers.yml');
    writeFileSync(answers, 'operator: { name: Ada Lovelace, role: devops }\n');
    const run = cli([
      ...['run', '--project', root, '--env', 'staging', '--version', 'v1.1.0'],
      ...['--answers', answers, '--data-dir', join(work, 'data')],
    ]);
    expect(run.status).toBe(3);
    expect(run.stdout + run.stderr).toContain('locked by Grace on another-laptop (run 20260101-000000-staging-abcd');
    expect(JSON.parse(readFileSync(join(lockDir, 'staging.lock', 'info.json'), 'utf8'))).toEqual(info);
  });
});
