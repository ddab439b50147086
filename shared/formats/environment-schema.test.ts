import { describe, expect, it } from 'vitest';
import { EnvironmentsFile, Host } from './environment-schema';

const key = `SHA256:${'A'.repeat(43)}`;

describe('the environment schema', () => {
  it('needs an address (or alias) and a pinned key (or known_hosts, or alias) for every host', () => {
    expect(Host.safeParse({ name: 'web-1', address: '10.0.0.1', hostKey: key }).success).toBe(true);
    expect(Host.safeParse({ name: 'web-1', address: '10.0.0.1', knownHosts: './known_hosts' }).success).toBe(true);
    expect(Host.safeParse({ name: 'web-1', alias: 'web1' }).success).toBe(true);
    const messages = Host.safeParse({ name: 'web-1' }).error?.issues.map((i) => i.message);
    expect(messages).toEqual([
      'give the host an address (or an ~/.ssh/config alias)',
      'pin the host key (hostKey: SHA256:…) or name a knownHosts file, so a changed key is caught',
    ]);
  });

  it('refuses bad ports, fingerprints and URLs', () => {
    expect(Host.safeParse({ name: 'h', address: 'x', hostKey: key, port: 0 }).success).toBe(false);
    expect(Host.safeParse({ name: 'h', address: 'x', hostKey: 'SHA256:short' }).success).toBe(false);
    const result = EnvironmentsFile.safeParse({ environments: { staging: { urls: { health: 'localhost:8080' } } } });
    expect(result.error?.issues[0]?.path).toEqual(['environments', 'staging', 'urls', 'health']);
  });

  it('refuses two hosts with one name, pointing at the second', () => {
    const host = (address: string) => ({ name: 'h1', address, hostKey: key });
    const result = EnvironmentsFile.safeParse({
      environments: { prod: { hosts: [host('10.0.0.1'), host('10.0.0.2')] } },
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['environments.prod.hosts.1.name', 'host name "h1" is used twice'],
    ]);
  });

  it('takes the project name the targets know it by and whether its versions are git refs, refusing others', () => {
    const parsed = EnvironmentsFile.parse({ project: 'shop-api', versions: 'not-git-refs', environments: {} });
    expect([parsed.project, parsed.versions]).toEqual(['shop-api', 'not-git-refs']);
    expect(EnvironmentsFile.parse({ environments: {} }).versions).toBe('git-refs');
    const bad = EnvironmentsFile.safeParse({ project: 'Shop API', versions: 'image-tags', environments: {} });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['project', 'versions']);
  });

  it('gives an environment its defaults', () => {
    expect(EnvironmentsFile.parse({ environments: { staging: {} } }).environments.staging).toEqual({
      protected: false,
      requires: [],
      approvals: [],
      hosts: [],
      docker: { via: 'local', socket: '/var/run/docker.sock' },
      urls: { smoke: [] },
      variables: {},
      concurrency: 10,
      staleLockAfter: 7_200_000,
      deploy: {
        rolling: { batchSize: 1 },
        canary: { weights: [5, 25, 50, 100], analysis: 300_000 },
        healthTimeout: 60_000,
      },
      monitoring: {
        probes: { rate: 10, timeout: 2000, window: 60_000, baseline: 10_000 },
        watch: 3_600_000,
      },
    });
  });
});

describe('the deploy settings of an environment', () => {
  const parse = (env: unknown) => EnvironmentsFile.safeParse({ environments: { prod: env } });
  const messages = (env: unknown) => {
    const result = parse(env);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('refuses a canary weight outside 0–100, naming the field', () => {
    expect(messages({ deploy: { canary: { weights: [5, 150] } } })).toContain(
      'environments.prod.deploy.canary.weights.1: a weight is 0–100 (percent of traffic)',
    );
  });

  it('refuses a ramp that falls or never reaches 100', () => {
    expect(messages({ deploy: { canary: { weights: [50, 25, 100] } } })[0]).toMatch(/weights must rise/);
    expect(messages({ deploy: { canary: { weights: [10, 50] } } })[0]).toMatch(/last weight must be 100/);
  });

  it('refuses an unknown proxy kind and a relative upstream file', () => {
    expect(messages({ proxy: { kind: 'traefik', upstreamFile: '/x' } })[0]).toMatch(/unknown proxy kind; use: nginx/);
    expect(messages({ proxy: { kind: 'nginx', upstreamFile: 'up.conf' } })[0]).toMatch(/absolute path/);
  });

  it('gives an nginx proxy its test and reload commands', () => {
    const result = parse({ proxy: { kind: 'nginx', upstreamFile: '/etc/nginx/conf.d/up.conf' } });
    expect(result.success && result.data.environments.prod?.proxy).toEqual({
      kind: 'nginx',
      upstreamFile: '/etc/nginx/conf.d/up.conf',
      upstream: 'app',
      test: ['nginx', '-t'],
      reload: ['nginx', '-s', 'reload'],
    });
  });
});

describe('the monitoring settings of an environment', () => {
  it('refuses a probe timeout or a rule window of 0, naming the field', () => {
    const result = EnvironmentsFile.safeParse({
      environments: { prod: { monitoring: { probes: { timeout: 0, window: 0 } } } },
    });
    const messages = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual([
      'environments.prod.monitoring.probes.timeout: a probe needs time to answer: give more than 0, e.g. 2s',
      'environments.prod.monitoring.probes.window: the window the rules look at must be longer than 0',
    ]);
  });
});
