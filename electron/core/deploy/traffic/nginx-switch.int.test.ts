import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Environment } from '../../../../shared/formats/environment-schema';
import type { ToolIO } from '../../run/run-tools';
import { createTargetHosts } from '../../run/target-hosts';
import { createSshPool, type SshPool } from '../../ssh/ssh-pool';
import { freePort, type SshdLab, startSshdLab } from '../../test-lab/sshd-lab';
import { recordingLogger } from '../../test-support/recording-logger';
import { rejectionOf } from '../../test-support/rejection';
import type { UpstreamServer } from '../deploy-strategy';
import { type NginxLab, nginxBinary, startTestNginx } from '../test-support/nginx-lab';
import { sampleVersions } from '../test-support/request-loop';
import { createTrafficSwitch } from './create-traffic-switch';
import { createNginxSwitch } from './nginx-switch';
import { createLocalProxyRunner } from './proxy-runner';
import { createSshProxyRunner } from './ssh-proxy-runner';
import { TrafficError } from './traffic-error';

// The nginx switch against Debian's real nginx (its own master, private prefix) with two real HTTP
// backends on loopback that answer "a" and "b": locally, over SSH to an sshd lab host, and the
// failures: a config nginx rejects, a test command that cannot run, an unreachable proxy host.

let backends: { server: Server; port: number }[] = [];
let nginx: NginxLab | undefined;

beforeAll(async () => {
  backends = await Promise.all(
    ['a', 'b'].map(async (name) => {
      const port = await freePort();
      const server = createServer((_req, res) => res.end(name));
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      return { server, port };
    }),
  );
});
afterAll(async () => {
  await Promise.all(backends.map((b) => new Promise((resolve) => b.server.close(resolve))));
});
afterEach(async () => {
  await nginx?.stop();
  nginx = undefined;
});

function recordingIO(): ToolIO & { lines: string[] } {
  const lines: string[] = [];
  return {
    signal: new AbortController().signal,
    lines,
    output: (host, stream, line) => lines.push(`${host ?? 'local'} ${stream} ${line}`),
  };
}

const onA = (weight = 100): UpstreamServer => ({ address: `127.0.0.1:${backends[0]!.port}`, weight, label: 'blue a' });
const onB = (weight = 100): UpstreamServer => ({ address: `127.0.0.1:${backends[1]!.port}`, weight, label: 'green b' });
const at = () => new Date('2026-05-01T12:00:00.000Z');

describe('nginx switch on this machine', () => {
  it('writes the upstream file, tests, reloads, and traffic follows; current() reads it back', async () => {
    nginx = await startTestNginx();
    const traffic = createNginxSwitch(nginx.proxy, createLocalProxyRunner(), { runId: 'run-1', now: at });
    const io = recordingIO();
    expect(traffic.where).toBe('nginx on this machine');

    await traffic.apply([onA(100), onB(0)], io);
    await nginx.settled();
    expect(await sampleVersions(nginx.url, 20)).toEqual({ a: 20 });
    await traffic.apply([onB(100), onA(0)], io);
    await nginx.settled();
    expect(await sampleVersions(nginx.url, 20)).toEqual({ b: 20 });

    expect(await traffic.current(io)).toEqual([onB(100), onA(0)]);
    const file = await readFile(nginx.upstreamFile, 'utf8');
    expect(file).toContain('# written by Release Pilot run run-1 at 2026-05-01T12:00:00.000Z');
    expect(file).toContain(`server 127.0.0.1:${backends[0]!.port} down;`);
    expect(io.lines.some((l) => l.includes('syntax is ok'))).toBe(true);
    expect(io.lines.some((l) => l.startsWith('local info nginx on this machine: reloaded'))).toBe(true);
  });

  it('current() is undefined when the file was never written', async () => {
    const traffic = createNginxSwitch(
      {
        kind: 'nginx',
        upstreamFile: '/nonexistent/rp/upstream.conf',
        upstream: 'app',
        test: ['true'],
        reload: ['true'],
      },
      createLocalProxyRunner(),
      { runId: 'r' },
    );
    expect(await traffic.current(recordingIO())).toBeUndefined();
  });

  it('a config nginx rejects: old file restored, never reloaded, traffic stays; the error quotes nginx', async () => {
    nginx = await startTestNginx();
    const good = createNginxSwitch(nginx.proxy, createLocalProxyRunner(), { runId: 'run-1', now: at });
    await good.apply([onA(100)], recordingIO());
    await nginx.settled();
    const before = await readFile(nginx.upstreamFile, 'utf8');

    // A test config that includes the upstream file at the top level, where nginx refuses `upstream`.
    const broken = join(nginx.dir, 'broken.conf');
    await writeFile(broken, `events {}\ninclude ${nginx.upstreamFile};\n`);
    const reloads = join(nginx.dir, 'reloads');
    const proxy = {
      ...nginx.proxy,
      test: [nginxBinary, '-t', '-p', nginx.dir, '-c', broken, '-e', join(nginx.dir, 'error.log')],
      reload: ['sh', '-c', `echo reloaded >> ${reloads}`],
    };
    const bad = createNginxSwitch(proxy, createLocalProxyRunner(), { runId: 'run-2', now: at });
    const error = await rejectionOf(bad.apply([onB(100)], recordingIO()), TrafficError);

    expect(error.code).toBe('proxy-config-invalid');
    expect(error.message).toMatch(/^nginx on this machine: /);
    expect(error.message).toContain('"upstream" directive is not allowed here');
    expect(error.message).toContain('not reloaded');
    expect(await readFile(nginx.upstreamFile, 'utf8')).toBe(before);
    expect(existsSync(reloads)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200)); // time a wrongful reload would need to show
    expect(await sampleVersions(nginx.url, 10)).toEqual({ a: 10 });
  });

  it('a first write that fails its test removes the file again', async () => {
    nginx = await startTestNginx();
    const file = join(nginx.dir, 'new-upstream.conf');
    const proxy = { ...nginx.proxy, upstreamFile: file, test: ['sh', '-c', 'echo "config broken" >&2; exit 1'] };
    const traffic = createNginxSwitch(proxy, createLocalProxyRunner(), { runId: 'r' });
    const error = await rejectionOf(traffic.apply([onA()], recordingIO()), TrafficError);
    expect(error.code).toBe('proxy-config-invalid');
    expect(error.message).toContain('config broken');
    expect(existsSync(file)).toBe(false);
  });

  it('a test command that is not installed: proxy-command-failed, file restored', async () => {
    nginx = await startTestNginx();
    const before = await readFile(nginx.upstreamFile, 'utf8');
    const proxy = { ...nginx.proxy, test: ['rp-no-such-nginx', '-t'] };
    const traffic = createNginxSwitch(proxy, createLocalProxyRunner(), { runId: 'r' });
    const error = await rejectionOf(traffic.apply([onA()], recordingIO()), TrafficError);
    expect(error.code).toBe('proxy-command-failed');
    expect(error.message).toContain('rp-no-such-nginx');
    expect(await readFile(nginx.upstreamFile, 'utf8')).toBe(before);
  });

  it('refuses to write servers that would serve nobody', async () => {
    nginx = await startTestNginx();
    const before = await readFile(nginx.upstreamFile, 'utf8');
    const traffic = createNginxSwitch(nginx.proxy, createLocalProxyRunner(), { runId: 'r' });
    const error = await rejectionOf(traffic.apply([onA(0), onB(0)], recordingIO()), TrafficError);
    expect(error.code).toBe('proxy-no-traffic');
    expect(await readFile(nginx.upstreamFile, 'utf8')).toBe(before);
  });
});

describe('nginx switch over SSH', () => {
  let lab: SshdLab;
  let pool: SshPool;
  beforeAll(async () => {
    lab = await startSshdLab({ hosts: 1 });
    pool = createSshPool({ logger: recordingLogger().logger });
  });
  afterAll(async () => {
    await pool?.close();
    await lab?.stop();
  });

  it('writes through SFTP and runs test and reload on the host', async () => {
    nginx = await startTestNginx();
    const host = lab.hosts[0]!;
    const runner = createSshProxyRunner(host.name, () => pool.connection(host));
    const traffic = createNginxSwitch(nginx.proxy, runner, { runId: 'run-ssh', now: at });
    const io = recordingIO();
    expect(traffic.where).toBe(`nginx on ${host.name}`);

    await traffic.apply([onB(100), onA(0)], io);
    await nginx.settled();
    expect(await sampleVersions(nginx.url, 10)).toEqual({ b: 10 });
    expect(await traffic.current(io)).toEqual([onB(100), onA(0)]);
    expect(io.lines.some((l) => l.startsWith(`${host.name} stderr nginx: configuration file`))).toBe(true);
  });

  it('an unreachable proxy host (closed port) is a proxy-unreachable error naming the host', async () => {
    const port = await freePort();
    const environment = {
      ...Environment.parse({
        hosts: [
          {
            name: 'edge-1',
            address: '127.0.0.1',
            port,
            hostKey: `SHA256:${'A'.repeat(43)}`,
            identityFile: lab.clientKeyPath,
          },
        ],
        proxy: { kind: 'nginx', host: 'edge-1', upstreamFile: '/etc/nginx/conf.d/app-upstream.conf' },
      }),
      name: 'production',
    };
    const hosts = createTargetHosts(environment, '/', recordingLogger().logger);
    try {
      const traffic = createTrafficSwitch(environment, { runId: 'r', connection: (name) => hosts.connection(name) })!;
      expect(traffic.where).toBe('nginx on edge-1');
      const error = await rejectionOf(traffic.apply([onA()], recordingIO()), TrafficError);
      expect(error.code).toBe('proxy-unreachable');
      expect(error.message).toContain(`edge-1 (127.0.0.1:${port})`);
      expect(error.message).toContain('connection refused');
      const reading = await rejectionOf(traffic.current(recordingIO()), TrafficError);
      expect(reading.code).toBe('proxy-unreachable');
    } finally {
      await hosts.close();
    }
  });

  it('a proxy.host that is not a host of the environment is refused up front', () => {
    const environment = {
      ...Environment.parse({ proxy: { kind: 'nginx', host: 'edge-9', upstreamFile: '/etc/nginx/up.conf' } }),
      name: 'staging',
    };
    expect(() => createTrafficSwitch(environment, { runId: 'r', connection: async () => never() })).toThrow(
      /environment "staging": proxy.host "edge-9" is not one of its hosts/,
    );
  });
});

function never(): never {
  throw new Error('not called');
}
