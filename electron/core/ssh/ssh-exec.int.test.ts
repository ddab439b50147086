import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineSplitter } from '../lib/line-splitter';
import { type SshdLab, startSshdLab } from '../test-lab/sshd-lab';
import { recordingLogger } from '../test-support/recording-logger';
import { MAX_CHANNELS, type SshConnection } from './ssh-connection';
import { CommandFailedError, SshError } from './ssh-errors';
import { exec } from './ssh-exec';
import { createSshPool, type SshPool } from './ssh-pool';

let lab: SshdLab;
let pool: SshPool;
let conn: SshConnection;

beforeAll(async () => {
  lab = await startSshdLab({ hosts: 1 });
  pool = createSshPool({ logger: recordingLogger().logger });
  conn = await pool.connection(lab.hosts[0]!);
});
afterAll(async () => {
  await pool?.close();
  await lab?.stop();
});

/** Lists processes whose command line contains `needle`, as seen on the remote host. */
async function remoteProcesses(needle: string): Promise<string> {
  // The [x] trick keeps pgrep from matching the shell that runs it.
  const pattern = `[${needle[0]}]${needle.slice(1).replaceAll('.', '[.]')}`;
  const result = await exec(conn, ['sh', '-c', 'pgrep -af -- "$1" || true', 'sh', pattern]);
  return result.stdoutTail.trim();
}

describe('exec over real sshd', () => {
  it('streams stdout and stderr as they arrive and reports the exit code', async () => {
    const events: string[] = [];
    const lines: string[] = [];
    const split = lineSplitter((line) => lines.push(line));
    const result = await exec(conn, ['sh', '-c', 'echo one; sleep 0.3; echo two >&2; sleep 0.3; printf three'], {
      onStdout: (chunk) => {
        events.push(`out:${chunk}`);
        split(chunk);
      },
      onStderr: (chunk) => events.push(`err:${chunk}`),
    });
    split.flush();
    expect(events).toEqual(['out:one\n', 'err:two\n', 'out:three']);
    expect(lines).toEqual(['one', 'three']);
    expect(result).toMatchObject({ exitCode: 0, stdoutTail: 'one\nthree', stderrTail: 'two\n' });
    expect(result.durationMs).toBeGreaterThanOrEqual(500);
  });

  it('returns a non-zero exit, or throws CommandFailedError naming host and command with check', async () => {
    const result = await exec(conn, ['sh', '-c', 'echo broken >&2; exit 7']);
    expect(result.exitCode).toBe(7);
    expect(result.stderrTail).toBe('broken\n');

    const error = await exec(conn, ['sh', '-c', 'echo broken >&2; exit 7'], { check: true }).catch((e) => e);
    expect(error).toBeInstanceOf(CommandFailedError);
    expect(error.code).toBe('command-failed');
    expect(error.exitCode).toBe(7);
    expect(error.message).toBe(
      `host-1 (127.0.0.1:${lab.hosts[0]!.port}): \`sh -c "echo broken >&2; exit 7"\` exited with code 7: broken`,
    );
  });

  it('reports a missing program as exit 127 with the shell message', async () => {
    const result = await exec(conn, ['rp-no-such-program-xyz']);
    expect(result.exitCode).toBe(127);
    expect(result.stderrTail).toMatch(/rp-no-such-program-xyz/);
  });

  it('applies env and cwd', async () => {
    const result = await exec(conn, ['sh', '-c', 'pwd; printf "%s|%s\\n" "$GREETING" "$TRICKY"'], {
      cwd: '/usr/share',
      env: { GREETING: 'hello world', TRICKY: 'it\'s $(id) `id` "q"' },
    });
    expect(result.stdoutTail).toBe(`/usr/share\nhello world|it's $(id) \`id\` "q"\n`);
    expect(result.stderrTail).toBe('');
  });

  it('fails clearly for a cwd that does not exist, and for a bad env name', async () => {
    const result = await exec(conn, ['true'], { cwd: '/no/such/dir' });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderrTail).toMatch(/\/no\/such\/dir/);
    const error = await exec(conn, ['true'], { env: { 'BAD NAME': 'x' } }).catch((e) => e);
    expect(error).toBeInstanceOf(SshError);
    expect(error.code).toBe('invalid-config');
    expect(error.message).toMatch(/^host-1 .*invalid environment variable name: "BAD NAME"/);
  });

  it('passes hostile arguments literally and runs none of them', async () => {
    const marker = `/tmp/rp-quote-probe-${process.pid}-${Date.now()}`;
    rmSync(marker, { force: true });
    const hostile = [
      "'; rm -rf / #",
      `$(touch ${marker})`,
      `\`touch ${marker}\``,
      `"; touch ${marker}; "`,
      `a\nb; touch ${marker}`,
      '',
      'ünïcødé ✓ 🚀',
      '*',
      '~',
      '$HOME',
    ];
    const result = await exec(conn, ['printf', '%s\\0', ...hostile]);
    expect(result.exitCode).toBe(0);
    expect(result.stdoutTail.split('\0').slice(0, -1)).toEqual(hostile);
    expect(existsSync(marker)).toBe(false);
  });

  it('writes stdin when given', async () => {
    const result = await exec(conn, ['wc', '-c'], { stdin: 'x'.repeat(100_000) });
    expect(result.stdoutTail.trim()).toBe('100000');
  });

  it('cancel really stops the remote process and its children', async () => {
    const controller = new AbortController();
    const running = exec(conn, ['sh', '-c', 'sleep 29.5123; echo late'], { signal: controller.signal });
    await waitFor(async () => (await remoteProcesses('sleep 29.5123')) !== '');
    controller.abort();
    const error = await running.catch((e) => e);
    expect(error).toBeInstanceOf(SshError);
    expect(error.code).toBe('cancelled');
    expect(error.message).toMatch(/^host-1 \(127\.0\.0\.1:\d+\): `sh -c "sleep 29\.5123; echo late"` cancelled/);
    // Checked over a second exec on the same host: neither the shell nor its sleep child is left.
    expect(await remoteProcesses('sleep 29.5123')).toBe('');
  });

  it('a timeout stops the remote process too', async () => {
    const started = Date.now();
    const error = await exec(conn, ['sh', '-c', 'sleep 28.7321'], { timeoutMs: 400 }).catch((e) => e);
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('timed out after 400 ms');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await remoteProcesses('sleep 28.7321')).toBe('');
  });

  it('queues commands beyond sshd MaxSessions (10) on one connection instead of failing', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => exec(conn, ['sh', '-c', 'sleep 0.2; echo "$1"', 'sh', String(i)])),
    );
    expect(results.map((r) => r.stdoutTail.trim())).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
  });

  it('a command cancelled while queued for a session never starts', async () => {
    const blockers = Array.from({ length: MAX_CHANNELS }, () => exec(conn, ['sleep', '0.5']));
    const controller = new AbortController();
    const marker = `/tmp/rp-queued-${process.pid}-${Date.now()}`;
    const queued = exec(conn, ['touch', marker], { signal: controller.signal }).catch((e) => e);
    controller.abort();
    const error = await queued;
    expect(error.code).toBe('cancelled');
    expect(error.message).toContain('while waiting for a free SSH session');
    await Promise.all(blockers);
    expect(existsSync(marker)).toBe(false);
  });

  it('an already-aborted signal starts nothing', async () => {
    const error = await exec(conn, ['touch', '/tmp/never'], { signal: AbortSignal.abort() }).catch((e) => e);
    expect(error.code).toBe('cancelled');
    expect(error.message).toContain('before it started');
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
