import { describe, expect, it } from 'vitest';
import { LogSourceSpec } from '../../../shared/api/schemas/log-sources';
import { Environment, type NamedEnvironment } from '../../../shared/formats/environment-schema';
import { LogSourceError, logTargets, resolveSource, sourceLabel } from './resolve-source';
import { journalArgv, tailArgv } from './source-commands';

function env(raw: Record<string, unknown>, name = 'staging'): NamedEnvironment {
  return { ...Environment.parse(raw), name };
}

const host = (name: string) => ({ name, address: '10.0.0.5', hostKey: `SHA256:${'A'.repeat(43)}` });
const local = env({ hosts: [host('web-1'), host('web-2')], app: { image: 'shop:1', container: 'shop-api' } });
const overSsh = env({ hosts: [host('web-1'), host('web-2')], docker: { via: 'ssh' } });

function errorOf(fn: () => unknown): LogSourceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LogSourceError) return error;
    throw error;
  }
  throw new Error('expected a LogSourceError');
}

describe('resolveSource', () => {
  it('fills a container source from the environment: its local engine and app container', () => {
    const resolved = resolveSource(local, { kind: 'container' });
    expect(resolved).toMatchObject({
      kind: 'container',
      spec: { kind: 'container', host: 'local', container: 'shop-api' },
      docker: { via: 'local', socket: '/var/run/docker.sock' },
    });
    expect(sourceLabel(resolved.spec)).toBe('docker:shop-api@local');
  });

  it('takes the first host when Docker is reached over SSH, and any host named', () => {
    const first = resolveSource(overSsh, { kind: 'container', container: 'db' });
    expect(first).toMatchObject({
      spec: { host: 'web-1', container: 'db' },
      docker: { via: 'ssh', host: { name: 'web-1' } },
    });
    const second = resolveSource(overSsh, { kind: 'container', host: 'web-2', container: 'db' });
    expect(second).toMatchObject({ docker: { via: 'ssh', host: { name: 'web-2' } } });
  });

  it('places file and journal sources on a host or on this machine', () => {
    expect(resolveSource(local, { kind: 'file', host: 'web-2', path: '/var/log/app.log' })).toMatchObject({
      place: { kind: 'ssh', host: { name: 'web-2' } },
    });
    expect(resolveSource(local, { kind: 'journal', host: 'local', unit: 'nginx.service' })).toMatchObject({
      place: { kind: 'local' },
    });
    expect(sourceLabel({ kind: 'file', host: 'web-2', path: '/var/log/app.log' })).toBe('file:/var/log/app.log@web-2');
    expect(sourceLabel({ kind: 'journal', host: 'web-1', unit: 'nginx' })).toBe('journal:nginx@web-1');
  });

  it('refuses a host the environment does not have, naming it and the hosts it has', () => {
    const error = errorOf(() => resolveSource(local, { kind: 'file', host: 'web-9', path: '/var/log/x' }));
    expect(error.code).toBe('unknown-host');
    expect(error.message).toBe(
      'host "web-9" is not in environment "staging" (hosts: web-1, web-2; "local" is this machine)',
    );
  });

  it('refuses a Docker host the environment does not reach Docker on', () => {
    const onHost = errorOf(() => resolveSource(local, { kind: 'container', host: 'web-1' }));
    expect(onHost.code).toBe('no-docker-host');
    expect(onHost.message).toContain('not on host "web-1"');
    const onLocal = errorOf(() => resolveSource(overSsh, { kind: 'container', host: 'local', container: 'db' }));
    expect(onLocal.message).toContain('name one of web-1, web-2');
    const none = errorOf(() => resolveSource(env({ docker: { via: 'ssh' } }), { kind: 'container', container: 'x' }));
    expect(none.message).toContain('has no hosts');
  });

  it('asks for a container name when the environment has no app', () => {
    const error = errorOf(() => resolveSource(overSsh, { kind: 'container' }));
    expect(error.code).toBe('no-container');
    expect(error.message).toContain('environment "staging" has no app.container');
  });
});

describe('the source request schema', () => {
  it('refuses relative paths, option-like units and container names a shell would read', () => {
    const issues = (value: unknown) => {
      const parsed = LogSourceSpec.safeParse(value);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ kind: 'file', host: 'web-1', path: 'var/log/x' })).toEqual([
      'path: an absolute path, such as /var/log/nginx/error.log',
    ]);
    expect(issues({ kind: 'journal', host: 'web-1', unit: '--all' })).toEqual([
      'unit: a unit name cannot start with "-"',
    ]);
    expect(issues({ kind: 'container', container: 'a;rm -rf /' })).toHaveLength(1);
    expect(issues({ kind: 'file', host: 'web-1', path: '/var/log/x\nrm' })).toHaveLength(1);
    expect(issues({ kind: 'file', host: 'web-1', path: '/var/log/app.log' })).toEqual([]);
  });
});

describe('commands and targets', () => {
  it('follows by name with the last 200 lines, never reading a path as an option', () => {
    expect(tailArgv('/var/log/app.log')).toEqual(['tail', '-n', '200', '-F', '--', '/var/log/app.log']);
    expect(journalArgv('nginx')).toEqual(['journalctl', '-f', '-n', '200', '-u', 'nginx', '--no-pager']);
  });

  it('offers each environment its hosts, its Docker hosts and its container', () => {
    expect(logTargets(local, (h) => `${h.name} (${h.address})`)).toEqual({
      environment: 'staging',
      hosts: [
        { name: 'web-1', label: 'web-1 (10.0.0.5)' },
        { name: 'web-2', label: 'web-2 (10.0.0.5)' },
      ],
      docker: { via: 'local', label: 'local socket /var/run/docker.sock', hosts: ['local'] },
      container: 'shop-api',
    });
    expect(logTargets(overSsh, (h) => h.name).docker.hosts).toEqual(['web-1', 'web-2']);
  });
});
