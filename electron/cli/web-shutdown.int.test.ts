import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createApiClient } from '../../shared/api/client';
import { createSocketTransport, type SocketLike } from '../../shared/api/socket-transport';
import { makeLabProject } from '../core/test-lab/lab-project';
import { useTempDirs } from '../core/test-support/temp-dir';

// Issue #18 item 7: the browser host told to stop (SIGTERM, Ctrl-C) mid-run. The real host in a
// child process, driven over its real WebSocket API: the first signal interrupts the run at a safe
// point and journals it, the process exits, the run stays open with its lock and resumes straight
// away on a new host; a second signal during a slow stop leaves at once.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');
const timers = {
  set: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clear: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
};

interface Host {
  child: ChildProcess;
  port: number;
  out(): string;
  exited: Promise<number | null>;
  api: ReturnType<typeof createApiClient>;
  close(): void;
}

type Event = { type: string; data: Record<string, unknown> };

function journal(dataDir: string, runId: string): Event[] {
  return readFileSync(join(dataDir, 'runs', runId, 'journal.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Event);
}

/** Polls until `check` gives a value: a condition, never a fixed wait. */
async function until<T>(check: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 3000; i++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('stopping the browser host mid-run', () => {
  const tempDir = useTempDirs('rp-web-stop-');
  const started: Host[] = [];
  const groups: number[] = [];
  afterEach(() => {
    for (const host of started.splice(0)) {
      host.close();
      if (host.child.exitCode === null) host.child.kill('SIGKILL');
    }
    for (const pid of groups.splice(0))
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
  });

  function renderer(): string {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>fixture</title>');
    return dir;
  }

  async function startHost(dataDir: string, rendererDir: string): Promise<Host> {
    const child = spawn(process.execPath, [bin, 'web', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RELEASE_PILOT_RENDERER_DIR: rendererDir },
    });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      out += c;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await until(
      () => /open: (\S+)/.exec(out)?.[1] ?? (child.exitCode !== null ? 'exit' : undefined),
      'URL',
    );
    if (url === 'exit') throw new Error(`host exited:\n${out}`);
    const { port, searchParams } = new URL(url);
    const transport = createSocketTransport({
      url: `ws://127.0.0.1:${port}/api?token=${searchParams.get('token')}`,
      connect: (u): SocketLike => new WebSocket(u, { origin: `http://127.0.0.1:${port}` }),
      timers,
      callTimeoutMs: 20_000,
      maxRetryDelayMs: 200,
    });
    const host: Host = {
      child,
      port: Number(port),
      out: () => out,
      exited,
      api: createApiClient(transport),
      close: () => transport.close(),
    };
    started.push(host);
    await host.api.settings.update({ operatorName: 'Ada Lovelace', operatorRole: 'devops' });
    return host;
  }

  function project(actions: string): string {
    const root = tempDir();
    makeLabProject(root, {
      runbook: `
title: Stop mid-run
roles: { devops: DevOps, qa: QA Lead }
steps:
  - id: deploy
    title: Deploy
    owner: devops
    approvals: [qa]
    actions:
${actions}
`,
      environments: 'environments:\n  staging: {}\n',
    });
    return root;
  }

  async function question(host: Host, runId: string, kind: string) {
    return until(async () => {
      const live = await host.api.runs.live({ runId });
      return live.questions.find((q) => q.kind === kind);
    }, `a ${kind} question`);
  }

  it('SIGTERM while a run waits for a sign-off: interrupted, journaled, exits; resume works at once', async () => {
    const dataDir = tempDir();
    const ui = renderer();
    const root = project('      - { id: go, type: shell, argv: [echo, deployed] }');
    const first = await startHost(dataDir, ui);
    const { id: projectId } = await first.api.projects.open({ path: root });
    const { runId } = await first.api.runs.start({ projectId, environment: 'staging', version: 'v1.1.0' });
    await question(first, runId, 'approve');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.out()).toContain('stopping: interrupting 1 run(s) at a safe point');
    expect(first.out()).toContain(`run ${runId} interrupted; it stays open`);
    expect(first.out()).toContain(
      `Start it again with: npx release-pilot web --port ${first.port} --data-dir ${dataDir}`,
    );
    const events = journal(dataDir, runId);
    expect(events.at(-1)).toMatchObject({
      type: 'run.interrupted',
      data: { by: 'Release Pilot (browser)', step: 'deploy', lockKept: join(dataDir, 'locks', 'staging.lock') },
    });
    expect(events.some((e) => e.type === 'run.finished')).toBe(false);
    // The lock stays with the open run; the owner claim is gone with its process.
    expect(JSON.parse(readFileSync(join(dataDir, 'locks', 'staging.lock', 'info.json'), 'utf8')).runId).toBe(runId);
    expect(existsSync(join(dataDir, 'runs', runId, 'owner.json'))).toBe(false);
    const listed = await (async () => {
      const second = await startHost(dataDir, ui);
      return { second, runs: await second.api.runs.list({}) };
    })();
    expect(listed.runs.find((r) => r.id === runId)).toMatchObject({
      status: 'open',
      interrupted: { by: 'Release Pilot (browser)' },
    });

    const { second } = listed;
    await second.api.runs.resume({ runId });
    const approve = await question(second, runId, 'approve');
    await second.api.runs.answer({
      runId,
      questionId: approve.id,
      answer: { kind: 'approve', by: 'Grace Hopper' },
    });
    await until(async () => {
      const run = await second.api.runs.get({ runId });
      return run.status === 'open' ? undefined : run.status;
    }, 'the resumed run to end');
    expect((await second.api.runs.get({ runId })).status).toBe('succeeded');
    expect(existsSync(join(dataDir, 'locks', 'staging.lock'))).toBe(false);
  }, 120_000);

  it('a second signal during a slow stop exits at once; resume is not blocked by the dead owner', async () => {
    const dataDir = tempDir();
    const ui = renderer();
    // A command that ignores SIGTERM: stopping it takes the kill grace period (a slow stop).
    const root = project(
      `      - { id: stubborn, type: shell, argv: [sh, -c, 'trap "" TERM; echo started; while :; do sleep 0.1; done'] }`,
    );
    const first = await startHost(dataDir, ui);
    const { id: projectId } = await first.api.projects.open({ path: root });
    const { runId } = await first.api.runs.start({ projectId, environment: 'staging', version: 'v1.1.0' });
    const approve = await question(first, runId, 'approve');
    await first.api.runs.answer({ runId, questionId: approve.id, answer: { kind: 'approve', by: 'Grace Hopper' } });
    const pid = await until(() => {
      const proc = journal(dataDir, runId).find((e) => e.type === 'process.started');
      return proc ? Number(proc.data.pid) : undefined;
    }, 'the command to start');
    groups.push(pid);

    first.child.kill('SIGTERM');
    await until(() => (first.out().includes('stopping: interrupting') ? true : undefined), 'the stop to begin');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(143);
    expect(first.out()).toContain('SIGTERM again: leaving now');

    // A new host resumes straight away: the dead process's owner claim does not block it, and the
    // command it left behind is stopped by the resume.
    const second = await startHost(dataDir, ui);
    await second.api.runs.resume({ runId });
    const failure = await question(second, runId, 'failure');
    expect(failure).toMatchObject({ action: 'deploy.stubborn', error: { code: 'interrupted' } });
    await until(() => {
      try {
        process.kill(-pid, 0);
        return undefined;
      } catch {
        return true;
      }
    }, 'the left-over command to be stopped');
    await second.api.runs.cancel({ runId });
    await until(async () => {
      const run = await second.api.runs.get({ runId });
      return run.status === 'open' ? undefined : run.status;
    }, 'the cancelled run to end');
  }, 120_000);
});
