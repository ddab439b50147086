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
    });
  });
});
