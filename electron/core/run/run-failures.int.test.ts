import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyLabKeys, labHostsYaml, makeLabProject } from '../test-lab/lab-project';
import { type SshdLab, startSshdLab } from '../test-lab/sshd-lab';
import { killMidAction } from '../test-support/kill-mid-action';
import { useTempDirs } from '../test-support/temp-dir';
import { RunBlockedError } from './run-errors';
import { answers, runInLab } from './test-support/run-harness';

// What goes wrong in real deployments, on real hosts: each failure is named clearly, journaled,
// and loses nothing.

const roles = 'roles: { devops: DevOps Engineer, tech-lead: Tech Lead }';

function runbook(steps: string): string {
  return `title: Failures\n${roles}\nsteps:\n${steps}`;
}

describe('executor: failures and refusals', () => {
  const tempDir = useTempDirs('rp-fail-');
  let lab: SshdLab;

  beforeAll(async () => {
    lab = await startSshdLab({ hosts: 2 });
  }, 60_000);
  afterAll(async () => {
    await lab?.stop();
  });

  function project(steps: string, environments: string) {
    const root = tempDir();
    makeLabProject(root, { runbook: runbook(steps), environments });
    copyLabKeys(lab, root);
    return root;
  }

  // Every lab host is this machine's root account: a lock folder of its own per test keeps tests apart.
  const sshEnv = (hostsYaml: string) =>
    `environments:\n  lab:\n    lockDir: ${tempDir()}/locks\n    hosts:\n${hostsYaml}\n`;
  /** A run of `root` against the lab environment at v1.1.0, in a fresh data folder unless given. */
  const runLab = (root: string, more: Partial<Parameters<typeof runInLab>[0]> = {}) =>
    runInLab({ projectRoot: root, dataDir: tempDir(), environment: 'lab', version: 'v1.1.0', ...more });
  const echoStep = `  - id: s\n    title: S\n    owner: devops\n    actions:\n      - { type: ssh.exec, argv: [true] }\n`;

  it('refuses an unreachable host with exit-3 kind of error naming the host, and journals why', async () => {
    const dead = [{ ...lab.hosts[0]!, name: 'ghost', port: 1 }];
    const root = project(echoStep, sshEnv(labHostsYaml(dead)));
    const error = await runLab(root).catch((e) => e);
    expect(error).toBeInstanceOf(RunBlockedError);
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(/ghost \(127\.0\.0\.1:1\).*refused/);
  });

  it('refuses a host whose key differs from the pinned one, naming both fingerprints', async () => {
    const [one, two] = lab.hosts;
    const swapped = labHostsYaml([{ ...one!, fingerprint: two!.fingerprint }], { pin: 'fingerprint' });
    const root = project(echoStep, sshEnv(swapped));
    const error = await runLab(root).catch((e) => e);
    expect(error).toBeInstanceOf(RunBlockedError);
    expect(error.message).toContain(one!.fingerprint);
    expect(error.message).toContain(two!.fingerprint);
    expect(error.message).toContain('host-1');
  });

  it('names the dead Docker endpoint when DOCKER_HOST points at nothing, and the run ends as decided', async () => {
    const steps = `  - id: d\n    title: D\n    owner: devops\n    actions:\n      - { type: docker.list }\n`;
    const root = project(steps, 'environments:\n  lab:\n    docker: { via: env }\n');
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'unix:///tmp/rp-no-docker-here.sock';
    try {
      const run = await runLab(root, { answers: answers({ failures: { '*': 'abort' } }) });
      expect(run.status).toBe('aborted');
      const failed = run.find('action.failed')[0]!.data as { error: { code: string; message: string } };
      expect(failed.error.code).toBe('engine-unreachable');
      expect(failed.error.message).toContain('/tmp/rp-no-docker-here.sock');
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });

  it('retries a command that fails mid-way, skips one with a reason, and finishes', async () => {
    const marker = `${tempDir()}/second-time`;
    const steps = [
      '  - id: s',
      '    title: S',
      '    owner: devops',
      '    actions:',
      `      - { id: flaky, type: ssh.exec, hosts: [host-1], argv: [sh, -c, 'echo working; test -f ${marker} || { touch ${marker}; echo broken >&2; exit 7; }'] }`,
      "      - { id: broken, type: shell, argv: [sh, -c, 'echo half-done; exit 4'] }",
      '      - { id: after, type: shell, argv: [echo, still-ran] }',
    ].join('\n');
    const root = project(`${steps}\n`, sshEnv(labHostsYaml(lab.hosts)));
    const run = await runInLab({
      projectRoot: root,
      dataDir: tempDir(),
      environment: 'lab',
      version: 'v1.1.0',
      answers: answers({
        failures: { 's.flaky': 'retry', 's.broken': { skip: 'known issue #42, fixed in next release' } },
      }),
    });
    expect(run.status).toBe('succeeded');
    const failed = run
      .find('action.failed')
      .map((e) => e.data as { action: string; error: { message: string }; tail: string[] });
    expect(failed.map((f) => f.action)).toEqual(['s.flaky', 's.broken']);
    expect(failed[0]!.error.message).toMatch(/host-1.*exited with code 7/);
    expect(failed[0]!.tail).toContain('[host-1] broken');
    expect(run.find('failure.decided').map((e) => [e.data.action, e.data.decision, e.data.reason])).toEqual([
      ['s.flaky', 'retry', undefined],
      ['s.broken', 'skip', 'known issue #42, fixed in next release'],
    ]);
    expect(run.find('action.skipped')[0]?.data).toMatchObject({
      action: 's.broken',
      reason: 'known issue #42, fixed in next release',
    });
    expect(run.output.some((o) => o.source === 's.after' && o.line === 'still-ran')).toBe(true);
  });

  it('stops when no decision is given for a failure, saying which answer was missing', async () => {
    const root = project(
      "  - id: s\n    title: S\n    owner: devops\n    actions:\n      - { id: x, type: shell, argv: [sh, -c, 'exit 2'] }\n",
      sshEnv(labHostsYaml(lab.hosts)),
    );
    const run = await runLab(root);
    expect(run.status).toBe('aborted');
    expect(run.find('run.finished')[0]?.data.reason).toMatch(/failures\."s\.x"/);
  });

  it('never lets a secret reach the journal, the logs or the output', async () => {
    const secret = 'hunter2-very-secret-value';
    const steps =
      "  - id: s\n    title: S\n    owner: devops\n    actions:\n      - { id: show, type: shell, argv: [sh, -c, 'echo token=$0; echo \"$0\" >&2', '${secret:API_TOKEN}'] }\n      - { id: remote, type: ssh.exec, hosts: [host-1], argv: [echo, '${secret:API_TOKEN}'] }\n";
    const root = project(steps, sshEnv(labHostsYaml(lab.hosts)));
    const run = await runLab(root, { env: { ...process.env, RELEASE_PILOT_SECRET_API_TOKEN: secret } });
    expect(run.find('action.failed').map((e) => e.data)).toEqual([]);
    expect(run.find('run.finished')[0]?.data).toEqual({ status: 'succeeded' });
    // The actions' own output (the run may also say things of its own, e.g. of the release history).
    const actionLines = run.output.filter((o) => o.source.startsWith('s.')).map((o) => o.line);
    expect(actionLines).toEqual(['token=[secret]', '[secret]', '[secret]']);
    expect(run.output.map((o) => o.line).join('\n')).not.toContain(secret);
    expect(run.journalText).not.toContain(secret);
    // What listeners (the terminal, the app's windows) are handed is the redacted event too.
    expect(JSON.stringify(run.events)).not.toContain(secret);
    expect(run.logsText).not.toContain(secret);
    expect(run.journalText).toContain('[secret]');
  });

  it('refuses to start when a secret is missing, naming it and how to set it', async () => {
    const root = project(
      "  - id: s\n    title: S\n    owner: devops\n    actions:\n      - { type: shell, argv: [echo, '${secret:DB_PASSWORD}'] }\n",
      sshEnv(labHostsYaml(lab.hosts)),
    );
    const error = await runLab(root, { env: {} }).catch((e) => e);
    expect(error.message).toContain('"DB_PASSWORD"');
    expect(error.message).toContain('RELEASE_PILOT_SECRET_DB_PASSWORD');
  });

  it('cancels a run: the remote command is stopped and the run ends aborted', async () => {
    const steps =
      "  - id: s\n    title: S\n    owner: devops\n    actions:\n      - { id: wait, type: ssh.exec, hosts: [host-1], argv: [sleep, '47.25'] }\n";
    const root = project(steps, sshEnv(labHostsYaml(lab.hosts)));
    const sleeping = () => execFileSync('sh', ['-c', 'pgrep -fx "sleep 47.25" || true'], { encoding: 'utf8' }).trim();
    let seenRunning = false;
    const run = await runInLab({
      projectRoot: root,
      dataDir: tempDir(),
      environment: 'lab',
      version: 'v1.1.0',
      onStart: (handle) => {
        handle.recorder.listen((event) => {
          if (event.type !== 'action.started') return;
          // Cancel only once the remote process really runs, so the test proves it gets killed.
          const poll = setInterval(() => {
            if (!sleeping()) return;
            seenRunning = true;
            clearInterval(poll);
            handle.cancel('Grace');
          }, 100);
        });
      },
    });
    expect(seenRunning).toBe(true);
    expect(run.status).toBe('aborted');
    expect(run.find('run.cancelled')[0]?.data).toMatchObject({ by: 'Grace' });
    for (let i = 0; i < 50 && sleeping(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sleeping()).toBe('');
  });

  it('refuses a second run against a locked environment, naming the holder', async () => {
    const steps =
      '  - id: s\n    title: S\n    owner: devops\n    actions:\n      - { type: manual, instructions: wait here }\n';
    const root = project(steps, sshEnv(labHostsYaml(lab.hosts)));
    const dataDir = tempDir();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const base = answers({});
    const { answersDecider } = await import('./answers-decider');
    const blocking = {
      ...answersDecider(base),
      manual: async () => {
        await held;
        return { by: 'Ada Lovelace' };
      },
    };
    let first: ReturnType<typeof runInLab> | undefined;
    const waiting = new Promise<void>((resolve) => {
      first = runInLab({
        projectRoot: root,
        dataDir,
        environment: 'lab',
        version: 'v1.1.0',
        decider: blocking,
        onStart: (handle) => handle.recorder.listen((e) => e.type === 'action.started' && resolve()),
      });
    });
    await waiting;
    const second = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'lab',
      version: 'v1.1.0',
      answers: answers({ operator: { name: 'Grace Hopper' } }),
    }).catch((e) => e);
    expect(second).toBeInstanceOf(RunBlockedError);
    expect(second.code).toBe('locked');
    expect(second.message).toMatch(/locked by Ada Lovelace on .* \(run \d{8}-\d{6}-lab-/);
    expect(second.message).toMatch(/host-1:\/tmp\/.*\/locks\/lab\.lock/);
    release();
    expect((await first!).status).toBe('succeeded');
  });

  it('shows a stale lock and breaks it only on an explicit decision, journaling whose lock it was', async () => {
    const lockDir = `${tempDir()}/locks`;
    const root = project(
      echoStep,
      `environments:\n  lab:\n    lockDir: ${lockDir}\n    staleLockAfter: 1m\n    hosts:\n${labHostsYaml(lab.hosts)}\n`,
    );
    // A laptop that crashed yesterday left its lock on the target.
    mkdirSync(`${lockDir}/lab.lock`, { recursive: true });
    const old = { holder: 'Linus on laptop-7', runId: '20261125-093000-lab-beef', at: '2026-11-25T09:30:00.000Z' };
    writeFileSync(`${lockDir}/lab.lock/info.json`, JSON.stringify(old));

    const refused = await runLab(root).catch((e) => e);
    expect(refused).toBeInstanceOf(RunBlockedError);
    expect(refused.message).toContain(
      'Linus on laptop-7 (run 20261125-093000-lab-beef, since 2026-11-25T09:30:00.000Z)',
    );
    expect(refused.message).toContain('looks stale');

    const broken = await runLab(root, { answers: answers({ breakLock: true }) });
    expect(broken.status).toBe('succeeded');
    expect(broken.find('lock.broken')[0]?.data).toMatchObject({ previous: old, by: 'Ada Lovelace' });
    expect(existsSync(`${lockDir}/lab.lock`)).toBe(false);
  });

  it('on resume after a crash, stops the remote command the dead run left running on its host', async () => {
    const mark = `${tempDir()}/first-attempt`;
    const steps = `  - id: s\n    title: S\n    owner: devops\n    actions:\n      - { id: hang, type: ssh.exec, hosts: [host-1], argv: [sh, -c, 'test -f "$0" || { touch "$0"; exec sleep 43.9; }', '${mark}'] }\n`;
    const root = project(steps, sshEnv(labHostsYaml(lab.hosts)));
    const dataDir = tempDir();
    const answersFile = `${tempDir()}/answers.yml`;
    writeFileSync(answersFile, 'operator: { name: Ada Lovelace, role: devops }\nfailures:\n  s.hang: retry\n');
    const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'release-pilot.mjs');
    const args = ['--answers', answersFile, '--data-dir', dataDir];
    const child = spawn(
      process.execPath,
      [bin, 'run', '--project', root, '--env', 'lab', '--version', 'v1.1.0', ...args],
      {
        stdio: 'pipe',
      },
    );
    const sleeping = () => spawnSync('pgrep', ['-fx', 'sleep 43.9']).status === 0;
    const runId = await killMidAction(child, dataDir, sleeping);
    expect(sleeping()).toBe(true); // the crash left it running on the host
    const resumed = spawnSync(process.execPath, [bin, 'resume', runId, ...args], { encoding: 'utf8', timeout: 60_000 });
    expect(resumed.stdout).toContain('its command was still running on host-1 and has been stopped');
    expect(resumed.status).toBe(0);
    expect(sleeping()).toBe(false);
  }, 60_000);

  it('guards a protected environment: staging must have passed the same version, and its name must be typed', async () => {
    const steps =
      '  - id: s\n    title: S\n    owner: devops\n    actions:\n      - { type: shell, argv: [echo, deployed] }\n';
    const envs = 'environments:\n  staging: {}\n  production:\n    protected: true\n    approvals: [tech-lead]\n';
    const root = project(steps, envs);
    const dataDir = tempDir();
    const ok = answers({ confirm: 'production', approvals: { 'tech-lead': { by: 'Grace Hopper' } } });

    const refused = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'production',
      version: 'v1.1.0',
      answers: ok,
    });
    expect(refused.status).toBe('aborted');
    expect(refused.find('guard.failed')[0]?.data.detail).toMatch(/needs v1\.1\.0 to have passed on staging/);
    expect(refused.find('action.started')).toEqual([]);

    expect((await runInLab({ projectRoot: root, dataDir, environment: 'staging', version: 'v1.1.0' })).status).toBe(
      'succeeded',
    );

    const mistyped = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'production',
      version: 'v1.1.0',
      answers: answers({ ...ok, confirm: 'prod' }),
    });
    // A file cannot answer again: the refused name stops the run, saying why.
    expect(mistyped.find('confirmation.refused')[0]?.data.reason).toMatch(/"prod" does not match/);
    expect(mistyped.find('run.finished')[0]?.data.reason).toMatch(/refused: confirmation "prod" does not match/);

    const selfApproved = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'production',
      version: 'v1.1.0',
      answers: answers({ ...ok, approvals: { 'tech-lead': { by: 'Ada Lovelace' } } }),
    });
    expect(selfApproved.status).toBe('aborted');
    expect(selfApproved.find('run.finished')[0]?.data.reason).toMatch(/someone other than the operator/);

    const passed = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'production',
      version: 'v1.1.0',
      answers: ok,
    });
    expect(passed.status).toBe('succeeded');
    expect(passed.types()).toEqual(expect.arrayContaining(['guard.passed', 'confirmation.given', 'approval.granted']));
  });
});
