import { describe, expect, it } from 'vitest';
import type { HostCheck } from '../../../../shared/api/schemas/environments';
import { checkCounts, dockerSummary, hostSummary, keySummary, proxySummary, testScope } from './test-text';

const fp = `SHA256:${'k'.repeat(43)}`;
const host = (over: Partial<HostCheck>): HostCheck => ({
  host: 'web-1',
  label: 'web-1 (10.0.0.5:22)',
  reachable: true,
  pinning: 'hostKey',
  expected: [fp],
  ...over,
});

describe('connection test wording', () => {
  it('says what a test will look at', () => {
    const h = { name: 'a' } as never;
    expect(testScope({ hosts: [h, h], proxy: { kind: 'nginx' } as never })).toBe(
      'SSH to 2 hosts, Docker and the proxy',
    );
    expect(testScope({ hosts: [] })).toBe('Docker');
    expect(testScope({ hosts: [h] })).toBe('SSH to 1 host and Docker');
  });

  it('says whether a host was reached and whether its key matches', () => {
    expect(hostSummary(host({ user: 'deploy', ms: 42 }))).toBe('Logged in as deploy in 42 ms.');
    expect(hostSummary(host({ reachable: false }))).toBe('Not reachable.');
    expect(keySummary(host({ keyMatches: true }))).toEqual({ text: 'matches the pinned hostKey', tone: 'ok' });
    expect(keySummary(host({ keyMatches: false }))).toEqual({ text: `does NOT match (expected ${fp})`, tone: 'bad' });
    expect(keySummary(host({ keyMatches: false, pinning: 'none', expected: [] })).tone).toBe('bad');
    expect(keySummary(host({})).tone).toBe('unknown');
  });

  it('counts failed checks across hosts, Docker and the proxy', () => {
    const result = {
      environment: 'x',
      hosts: [host({ keyMatches: true }), host({ reachable: false }), host({ keyMatches: false })],
      docker: [
        { target: 'local', label: 'l', ok: true, version: '27.1', apiVersion: '1.46', platform: 'linux/amd64', ms: 3 },
      ],
      proxy: {
        where: 'this machine',
        argv: ['nginx', '-t'],
        ok: false,
        output: [],
        error: 'nginx -t exited with code 1',
      },
      limitMs: 8000,
      ms: 10,
    };
    expect(checkCounts(result)).toEqual({ total: 5, failed: 3 });
    expect(dockerSummary(result.docker[0]!)).toBe('Engine 27.1 (API 1.46, linux/amd64) answered in 3 ms.');
    expect(proxySummary(result.proxy)).toBe('nginx -t exited with code 1');
  });
});
