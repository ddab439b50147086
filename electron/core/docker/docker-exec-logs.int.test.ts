import { beforeAll, describe, expect, it } from 'vitest';
import { buildBusyboxImage } from '../test-lab/busybox-image';
import { createDockerClient } from './docker-client';
import { createDockerOps } from './docker-ops';
import type { OutputStream } from './output-lines';
import { useDockerCleanup } from './test-support/docker-cleanup';

const client = createDockerClient({ via: 'local' });
const ops = createDockerOps(client);
let image = '';

beforeAll(async () => {
  image = (await buildBusyboxImage(client, { tag: 'rp-lab-busybox:plain', cmd: ['sleep', '3600'] })).tag;
});

function collect(): { lines: [OutputStream, string][]; onLine: (s: OutputStream, l: string) => void } {
  const lines: [OutputStream, string][] = [];
  return { lines, onLine: (stream, line) => lines.push([stream, line]) };
}

describe('exec', () => {
  const cleanup = useDockerCleanup(client);
  it('returns the exit code and keeps stdout and stderr apart', async () => {
    const name = cleanup.name();
    await ops.runContainer({ name, image });
    const ok = collect();
    expect(await ops.exec(name, ['sh', '-c', 'echo out; echo err >&2'], { onOutput: ok.onLine })).toEqual({
      exitCode: 0,
    });
    expect(ok.lines).toContainEqual(['stdout', 'out']);
    expect(ok.lines).toContainEqual(['stderr', 'err']);

    const failed = collect();
    const result = await ops.exec(name, ['sh', '-c', 'echo "$GREETING from $(pwd)"; exit 3'], {
      env: { GREETING: 'hi there' },
      workdir: '/www',
      onOutput: failed.onLine,
    });
    expect(result.exitCode).toBe(3);
    expect(failed.lines).toEqual([['stdout', 'hi there from /www']]);
  });

  it('a command that does not exist in the container → non-zero exit code, not a crash', async () => {
    const name = cleanup.name();
    await ops.runContainer({ name, image });
    const out = collect();
    const { exitCode } = await ops.exec(name, ['/no/such/binary'], { onOutput: out.onLine });
    // The engine reports 126 (runc could not start it) and says why on the stream.
    expect(exitCode).toBe(126);
    expect(out.lines.map(([, l]) => l).join('\n')).toContain('/no/such/binary');
  });

  it('exec in a stopped container → exec-failed; in a missing one → container-not-found', async () => {
    const name = cleanup.name();
    await ops.runContainer({ name, image });
    await ops.stop(name, { timeoutSec: 1 });
    const stopped = await ops.exec(name, ['true']).catch((e) => e);
    expect(stopped.code).toBe('exec-failed');
    expect(stopped.message).toContain(name);
    const missing = await ops.exec('rp-ghost', ['true']).catch((e) => e);
    expect(missing.code).toBe('container-not-found');
  });

  it('an aborted exec → cancelled', async () => {
    const name = cleanup.name();
    await ops.runContainer({ name, image });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const error = await ops.exec(name, ['sleep', '30'], { signal: controller.signal }).catch((e) => e);
    expect(error.code).toBe('cancelled');
  });
});

describe('followLogs', () => {
  const cleanup = useDockerCleanup(client);
  it('streams stdout and stderr lines until aborted', async () => {
    const name = cleanup.name();
    const script = 'i=0; while true; do echo "line $i"; echo "warn $i" >&2; i=$((i+1)); sleep 0.05; done';
    await ops.runContainer({ name, image, cmd: ['sh', '-c', script] });
    const controller = new AbortController();
    const lines: [OutputStream, string][] = [];
    const end = await ops.followLogs(name, { signal: controller.signal }, (stream, line) => {
      lines.push([stream, line]);
      if (lines.filter(([s]) => s === 'stdout').length >= 5) controller.abort();
    });
    expect(end).toBe('aborted');
    expect(lines.filter(([s]) => s === 'stdout').slice(0, 3)).toEqual([
      ['stdout', 'line 0'],
      ['stdout', 'line 1'],
      ['stdout', 'line 2'],
    ]);
    expect(lines).toContainEqual(['stderr', 'warn 0']);
  });

  it('ends by itself when the container stops, with every line; tail limits the history', async () => {
    const name = cleanup.name();
    await ops.runContainer({ name, image, cmd: ['sh', '-c', 'for i in 1 2 3 4; do echo "n$i"; done; sleep 0.5'] });
    const all = collect();
    expect(await ops.followLogs(name, {}, all.onLine)).toBe('stopped');
    expect(all.lines).toEqual([
      ['stdout', 'n1'],
      ['stdout', 'n2'],
      ['stdout', 'n3'],
      ['stdout', 'n4'],
    ]);
    const tail = collect();
    await ops.followLogs(name, { tail: 2 }, tail.onLine);
    expect(tail.lines.map(([, l]) => l)).toEqual(['n3', 'n4']);
  });

  it('following a missing container → container-not-found', async () => {
    const error = await ops.followLogs('rp-ghost', {}, () => {}).catch((e) => e);
    expect(error.code).toBe('container-not-found');
    expect(error.message).toContain('rp-ghost');
  });
});

describe('recentLogs', () => {
  const cleanup = useDockerCleanup(client);
  it('gives the last lines of a running container and returns, stdout and stderr apart', async () => {
    const name = cleanup.name();
    await ops.runContainer({
      name,
      image,
      cmd: ['sh', '-c', 'for i in 1 2 3; do echo "out $i"; echo "err $i" >&2; done; sleep 3600'],
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const got = collect();
    await ops.recentLogs(name, { tail: 4 }, got.onLine);
    expect(got.lines).toEqual(
      expect.arrayContaining([
        ['stdout', 'out 3'],
        ['stderr', 'err 3'],
      ]),
    );
    expect(got.lines).toHaveLength(4);
    const error = await ops.recentLogs('rp-ghost', { tail: 1 }, () => {}).catch((e) => e);
    expect(error.code).toBe('container-not-found');
  });
});
