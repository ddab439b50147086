import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NginxLab, startTestNginx } from '../deploy/test-support/nginx-lab';
import { createDockerClient } from '../docker/docker-client';
import { engineVersion } from '../docker/engine-info';
import { loadEnvironmentsFile } from '../formats/load-environments';
import { silentLogger } from '../logging/logger';
import { copyLabKeys, labHostsYaml, makeLabProject } from '../test-lab/lab-project';
import { freePort, type SshdLab, startSshdLab } from '../test-lab/sshd-lab';
import { useTempDirs } from '../test-support/temp-dir';
import { testEnvironmentConnection } from './connection-test';
import { startSilentServer } from './test-support/silent-server';

// "Test connection" against the real things: sshd hosts (reachable, a dead port, a wrong pinned
// key, a silent one), the Docker engine locally and over SSH, and nginx with a good and a broken
// configuration, locally and on a host over SSH.

const runbook = 'title: Deploy\nroles: { devops: DevOps }\nsteps:\n  - { id: go, title: Go, owner: devops }\n';
const wrongKey = `SHA256:${'A'.repeat(43)}`;

describe('environments:test core', () => {
  const tempDir = useTempDirs('rp-env-test-');
  let lab: SshdLab;
  let nginx: NginxLab;
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let deadPort: number;
  let dockerVersion: string;

  beforeAll(async () => {
    [lab, nginx, silent, deadPort] = await Promise.all([
      startSshdLab({ hosts: 1 }),
      startTestNginx(),
      startSilentServer(),
      freePort(),
    ]);
    dockerVersion = (await engineVersion(createDockerClient({ via: 'local' }))).version;
  });
  afterAll(async () => {
    await Promise.all([lab?.stop(), nginx?.stop(), silent?.stop()]);
  });

  async function environment(yaml: string, name: string) {
    const root = tempDir();
    makeLabProject(root, { runbook, environments: yaml });
    copyLabKeys(lab, root);
    const loaded = await loadEnvironmentsFile(root);
    const env = loaded.environments?.[name];
    if (!env) throw new Error(`test environment did not load: ${JSON.stringify(loaded.problems)}`);
    return { root, env };
  }

  const host = (name: string, port: number, pin: 'known-hosts' | 'fingerprint' = 'known-hosts') =>
    labHostsYaml([{ ...lab.hosts[0]!, name, port }], { pin });
  const argv = (list: string[]) => `[${list.map((a) => JSON.stringify(a)).join(', ')}]`;

  it('a reachable host: login time, the fingerprint seen and that it matches the pin; Docker and nginx -t', async () => {
    const port = lab.hosts[0]!.port;
    const { root, env } = await environment(
      [
        'environments:',
        '  staging:',
        '    hosts:',
        host('web-1', port, 'fingerprint'),
        host('web-2', port, 'known-hosts'),
        '    docker: { via: local }',
        `    proxy: { kind: nginx, upstreamFile: ${nginx.upstreamFile}, test: ${argv(nginx.proxy.test)} }`,
        '',
      ].join('\n'),
      'staging',
    );
    const result = await testEnvironmentConnection({ projectRoot: root, environment: env, logger: silentLogger });
    const fingerprint = lab.hosts[0]!.fingerprint;
    expect(result.hosts).toEqual([
      expect.objectContaining({
        host: 'web-1',
        label: `web-1 (127.0.0.1:${port})`,
        reachable: true,
        fingerprint,
        pinning: 'hostKey',
        expected: [fingerprint],
        keyMatches: true,
        ms: expect.any(Number),
      }),
      expect.objectContaining({
        host: 'web-2',
        reachable: true,
        fingerprint,
        pinning: 'knownHosts',
        expected: [fingerprint],
        keyMatches: true,
      }),
    ]);
    expect(result.hosts[0]?.error).toBeUndefined();
    expect(result.docker).toEqual([
      expect.objectContaining({
        target: 'local',
        ok: true,
        version: dockerVersion,
        platform: expect.stringMatching(/^linux\//),
      }),
    ]);
    expect(result.proxy).toMatchObject({ where: 'this machine', ok: true, exitCode: 0 });
    expect(result.proxy?.output.join('\n')).toMatch(/syntax is ok/);
    expect(result.proxy?.output.join('\n')).toMatch(/test is successful/);
  });

  it('a dead port, a wrong pinned key and a silent host: each says which host and why, within the limit', async () => {
    const port = lab.hosts[0]!.port;
    const { root, env } = await environment(
      [
        'environments:',
        '  production:',
        '    hosts:',
        host('web-dead', deadPort),
        host('web-spoofed', port, 'fingerprint').replace(lab.hosts[0]!.fingerprint, wrongKey),
        host('web-silent', silent.port, 'fingerprint'),
        '    docker: { via: ssh }',
        '',
      ].join('\n'),
      'production',
    );
    const started = Date.now();
    const result = await testEnvironmentConnection({
      projectRoot: root,
      environment: env,
      logger: silentLogger,
      limitMs: 1500,
    });
    expect(Date.now() - started).toBeLessThan(4000);
    const [dead, spoofed, quiet] = result.hosts;
    expect(dead).toMatchObject({ reachable: false, code: 'host-unreachable', pinning: 'knownHosts' });
    expect(dead?.error).toBe(`web-dead (127.0.0.1:${deadPort}): connection refused`);
    expect(dead?.fingerprint).toBeUndefined();
    expect(dead?.keyMatches).toBeUndefined();
    expect(spoofed).toMatchObject({
      reachable: false,
      code: 'host-key-mismatch',
      fingerprint: lab.hosts[0]!.fingerprint,
      expected: [wrongKey],
      keyMatches: false,
    });
    expect(spoofed?.error).toMatch(
      new RegExp(`^web-spoofed \\(127\\.0\\.0\\.1:${port}\\): host key mismatch: expected ${wrongKey}`),
    );
    expect(quiet).toMatchObject({ reachable: false });
    expect(quiet?.error).toMatch(
      new RegExp(`^web-silent \\(127\\.0\\.0\\.1:${silent.port}\\): no (answer|SSH handshake) within`),
    );
    // Docker over SSH is not tried on hosts that cannot be reached, and says so.
    expect(result.docker.map((d) => [d.target, d.ok])).toEqual([
      ['web-dead', false],
      ['web-spoofed', false],
      ['web-silent', false],
    ]);
    expect(result.docker[0]?.error).toBe(`not checked: web-dead (127.0.0.1:${deadPort}): connection refused`);
    expect(result.proxy).toBeUndefined();
  });

  it('Docker over SSH on a reachable host, and nginx -t over SSH reporting a broken configuration', async () => {
    const port = lab.hosts[0]!.port;
    const { root, env } = await environment(
      [
        'environments:',
        '  edge:',
        '    hosts:',
        host('lb-1', port),
        '    docker: { via: ssh }',
        `    proxy: { kind: nginx, host: lb-1, upstreamFile: ${nginx.upstreamFile}, test: ${argv(nginx.proxy.test)} }`,
        '',
      ].join('\n'),
      'edge',
    );
    writeFileSync(nginx.upstreamFile, 'upstream app {\n  server ;\n}\n');
    try {
      const result = await testEnvironmentConnection({ projectRoot: root, environment: env, logger: silentLogger });
      expect(result.docker).toEqual([
        expect.objectContaining({
          target: 'lb-1',
          label: `docker on lb-1 (127.0.0.1:${port}) over SSH`,
          ok: true,
          version: dockerVersion,
        }),
      ]);
      expect(result.proxy).toMatchObject({ where: 'lb-1', ok: false, exitCode: 1 });
      expect(result.proxy?.error).toBe(`lb-1: ${nginx.proxy.test.join(' ')} exited with code 1`);
      expect(result.proxy?.output.join('\n')).toMatch(/upstream\.conf:2/);
      expect(result.proxy?.output.join('\n')).toMatch(/test failed/);
    } finally {
      writeFileSync(nginx.upstreamFile, 'upstream app {\n  server 127.0.0.1:1 down;\n}\n');
    }
  });

  it('a Docker socket that is not there names the socket', async () => {
    const { root, env } = await environment(
      'environments:\n  local:\n    docker: { via: local, socket: /tmp/rp-no-such-docker.sock }\n',
      'local',
    );
    const result = await testEnvironmentConnection({ projectRoot: root, environment: env, logger: silentLogger });
    expect(result.hosts).toEqual([]);
    expect(result.docker).toEqual([expect.objectContaining({ target: 'local', ok: false })]);
    expect(result.docker[0]?.error).toMatch(/\/tmp\/rp-no-such-docker\.sock/);
  });
});
