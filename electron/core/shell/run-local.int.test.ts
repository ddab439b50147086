import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineSplitter } from '../lib/line-splitter';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { runLocal } from './run-local';
import { ShellError } from './shell-error';

const refusal = (promise: Promise<unknown>): Promise<ShellError> => rejectionOf(promise, ShellError);

/** Alive = present in /proc and not a zombie waiting for a parent (PID 1 here may not reap). */
function alive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  const state = readFileSync(stat, 'utf8').split(') ')[1]?.[0];
  return state !== 'Z';
}

async function waitGone(pids: number[], ms = 2000): Promise<number[]> {
  const until = Date.now() + ms;
  let left = pids.filter(alive);
  while (left.length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    left = left.filter(alive);
  }
  return left;
}

describe('runLocal (real processes)', () => {
  const tempDir = useTempDirs('rp-shell-');

  it('returns the exit code, zero or not, with a duration', async () => {
    expect(await runLocal({ argv: ['true'] })).toMatchObject({ exitCode: 0 });
    const failed = await runLocal({ argv: ['sh', '-c', 'exit 7'] });
    expect(failed.exitCode).toBe(7);
    expect(failed.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a signal that was not ours', async () => {
    const result = await runLocal({ argv: ['sh', '-c', 'kill -USR1 $$'] });
    expect(result).toMatchObject({ exitCode: null, signal: 'SIGUSR1' });
  });

  it('streams stdout and stderr live, in the order they were written', async () => {
    const events: string[] = [];
    let firstAt = 0;
    const out = lineSplitter((line) => {
      if (events.length === 0) firstAt = Date.now();
      events.push(`out:${line}`);
    });
    const err = lineSplitter((line) => events.push(`err:${line}`));
    const result = await runLocal({
      argv: ['sh', '-c', 'echo one; sleep 0.3; echo two >&2; sleep 0.3; echo three; sleep 0.5'],
      onStdout: out,
      onStderr: err,
    });
    out.flush();
    err.flush();
    expect(events).toEqual(['out:one', 'err:two', 'out:three']);
    // The first line arrived while the command was still running, not buffered until the end.
    expect(Date.now() - firstAt).toBeGreaterThan(700);
    expect(result.exitCode).toBe(0);
  });

  it('merges env over the engine environment and runs in cwd', async () => {
    const dir = tempDir();
    let output = '';
    await runLocal({
      argv: ['sh', '-c', 'printf "%s|%s|%s" "$RP_GREETING" "$(pwd)" "${PATH:+has-path}"'],
      cwd: dir,
      env: { RP_GREETING: 'hello there' },
      onStdout: (chunk) => {
        output += chunk;
      },
    });
    expect(output).toBe(`hello there|${dir}|has-path`);
  });

  it('passes a hostile argument literally, never through a shell', async () => {
    const dir = tempDir();
    const hostile = "'; rm -rf / #";
    let output = '';
    await runLocal({ argv: ['printf', '%s', hostile, '$(touch pwned)'], cwd: dir, onStdout: (c) => (output += c) });
    expect(output).toBe("'; rm -rf / #$(touch pwned)");
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });

  it('on timeout kills the whole process group, background children included', async () => {
    let output = '';
    const error = await refusal(
      runLocal({
        argv: ['sh', '-c', 'echo $$; sleep 30 & echo $!; sleep 30'],
        timeoutMs: 500,
        onStdout: (c) => (output += c),
      }),
    );
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('sh: timed out after 500 ms; its process group was killed');
    const pids = output.trim().split('\n').map(Number);
    expect(pids).toHaveLength(2);
    expect(await waitGone(pids)).toEqual([]);
  });

  it('escalates to SIGKILL when the group ignores SIGTERM', async () => {
    let output = '';
    const error = await refusal(
      runLocal({
        argv: ['sh', '-c', 'trap "" TERM; sleep 30 & echo $!; sleep 30'],
        timeoutMs: 300,
        onStdout: (c) => (output += c),
      }),
    );
    expect(error.code).toBe('timeout');
    expect(Number(error.details.durationMs)).toBeGreaterThanOrEqual(3000);
    expect(await waitGone([Number(output.trim())], 4000)).toEqual([]);
  }, 15_000);

  it('cancels through an AbortSignal, and refuses to start when already cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const error = await refusal(runLocal({ argv: ['sleep', '30'], signal: controller.signal }));
    expect(error.code).toBe('aborted');
    expect(error.message).toBe('sleep: cancelled; its process group was killed');
    const early = await refusal(runLocal({ argv: ['sleep', '30'], signal: AbortSignal.abort() }));
    expect(early.message).toBe('sleep: cancelled before it started');
  });

  it('does not hang when the command leaves a background job holding its output', async () => {
    const started = Date.now();
    let output = '';
    const result = await runLocal({ argv: ['sh', '-c', 'sleep 5 & echo $!'], onStdout: (c) => (output += c) });
    expect(result.exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
    process.kill(Number(output.trim()));
  });

  it('names the missing program and the cwd it was run from', async () => {
    const dir = tempDir();
    const error = await refusal(runLocal({ argv: ['rp-no-such-tool', '--version'], cwd: dir }));
    expect(error.code).toBe('command-not-found');
    expect(error.message).toBe(`command not found: rp-no-such-tool: not found on PATH (cwd ${dir})`);
    const relative = await refusal(runLocal({ argv: ['./deploy.sh'], cwd: dir }));
    expect(relative.message).toBe(`command not found: ./deploy.sh: no such file (relative to ${dir})`);
  });

  it('rejects (never throws synchronously) on a malformed command', async () => {
    const error = await refusal(runLocal({ argv: [] }));
    expect(error.code).toBe('invalid-command');
  });

  it('names a missing working directory, and a script that is not executable', async () => {
    const dir = tempDir();
    const missing = join(dir, 'gone');
    const error = await refusal(runLocal({ argv: ['ls'], cwd: missing }));
    expect(error.code).toBe('cwd-not-found');
    expect(error.message).toBe(`ls: working directory ${missing} does not exist`);
    writeFileSync(join(dir, 'deploy.sh'), '#!/bin/sh\necho hi\n', { mode: 0o644 });
    const notExec = await refusal(runLocal({ argv: ['./deploy.sh'], cwd: dir }));
    expect(notExec.code).toBe('not-executable');
    expect(notExec.message).toContain('./deploy.sh: permission denied');
  });
});
