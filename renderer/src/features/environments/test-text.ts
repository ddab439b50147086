import type { ConnectionTest, DockerCheck, HostCheck, ProxyCheck } from '../../../../shared/api/schemas/environments';
import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import { countLabel } from '../../lib/format-problem';

// How a connection test reads. Pure, so the wording is unit-tested.

/** `SSH to 2 hosts, Docker and the proxy`: what a test about to run will look at. */
export function testScope(env: Pick<NamedEnvironment, 'hosts' | 'proxy'>): string {
  const parts = [env.hosts.length ? `SSH to ${countLabel(env.hosts.length, 'host')}` : undefined, 'Docker'];
  if (env.proxy) parts.push('the proxy');
  const named = parts.filter(Boolean) as string[];
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0]!;
}

export function hostSummary(host: HostCheck): string {
  if (!host.reachable) return 'Not reachable.';
  return `Logged in${host.user ? ` as ${host.user}` : ''} in ${host.ms ?? 0} ms.`;
}

export function keySummary(host: HostCheck): { text: string; tone: 'ok' | 'bad' | 'unknown' } {
  if (host.keyMatches === true) {
    const how =
      host.pinning === 'hostKey' ? 'the pinned hostKey' : host.pinning === 'knownHosts' ? 'known_hosts' : 'the pinning';
    return { text: `matches ${how}`, tone: 'ok' };
  }
  if (host.keyMatches === false) {
    if (host.pinning === 'none')
      return { text: 'is not pinned: pin it as hostKey once checked out of band', tone: 'bad' };
    const expected = host.expected.length ? ` (expected ${host.expected.join(' or ')})` : '';
    return { text: `does NOT match${expected}`, tone: 'bad' };
  }
  return { text: 'could not be compared', tone: 'unknown' };
}

export function dockerSummary(docker: DockerCheck): string {
  if (!docker.ok) return docker.error ?? 'Did not answer.';
  return `Engine ${docker.version} (API ${docker.apiVersion}, ${docker.platform}) answered in ${docker.ms ?? 0} ms.`;
}

export function proxySummary(proxy: ProxyCheck): string {
  if (proxy.ok) return `The configuration test passed in ${proxy.ms ?? 0} ms.`;
  return proxy.error ?? 'The configuration test failed.';
}

export function checkCounts(result: ConnectionTest): { total: number; failed: number } {
  const verdicts = [
    ...result.hosts.map((h) => h.reachable && h.keyMatches !== false),
    ...result.docker.map((d) => d.ok),
    ...(result.proxy ? [result.proxy.ok] : []),
  ];
  return { total: verdicts.length, failed: verdicts.filter((ok) => !ok).length };
}
