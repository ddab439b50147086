import { describe, expect, it } from 'vitest';
import { describePlan, displayArgv } from './describe-plan';

describe('describePlan', () => {
  it('shows argv as a person would type it: plain words bare, the rest single-quoted', () => {
    expect(displayArgv(['sh', '-c', "echo 'hi' && exit 1", 'a/b.txt'])).toBe(
      `sh -c 'echo '\\''hi'\\'' && exit 1' a/b.txt`,
    );
    expect(displayArgv(['printf', ''])).toBe(`printf ''`);
  });

  it('names where each plan runs and what it expects', () => {
    expect(
      describePlan({ kind: 'local-command', argv: ['make', 'test'], cwd: '/src', env: {}, timeoutMs: 30_000 }),
    ).toBe('$ make test   (in /src, timeout 30s)');
    expect(
      describePlan({
        kind: 'http.check',
        url: 'http://127.0.0.1:8080/health',
        method: 'GET',
        headers: {},
        expectStatus: [200],
        attempts: 3,
        intervalMs: 1000,
        timeoutMs: 5000,
      }),
    ).toBe('GET http://127.0.0.1:8080/health → expect 200 (3 attempt(s))');
    expect(describePlan({ kind: 'docker.stop', container: 'shop', hosts: ['web-1', 'web-2'], via: 'ssh' })).toBe(
      'docker.stop on web-1, web-2 (over SSH): shop',
    );
    expect(describePlan({ kind: 'deploy', strategy: 'canary', version: 'v2', previousVersion: 'v1' })).toBe(
      'deploy v2 by canary, replacing v1',
    );
    expect(describePlan({ kind: 'watch', durationMs: 300_000 })).toMatch(/^watch for 5m/);
  });
});
