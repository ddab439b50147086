import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { appContentSecurityPolicy, devServerContentSecurityPolicy } from './content-security';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((entry) => {
      const [name, ...sources] = entry.trim().split(/\s+/);
      return [name ?? '', sources];
    }),
  );
}

describe('content security policy', () => {
  it('is the shared policy in the packaged app: our scripts only, no inline script, no eval', () => {
    const policy = directives(appContentSecurityPolicy());
    expect(appContentSecurityPolicy()).toBe(contentSecurityPolicy());
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('relaxes the dev policy only by an inline script and the dev server WebSocket', () => {
    const app = directives(appContentSecurityPolicy());
    const dev = directives(devServerContentSecurityPolicy('http://localhost:5173/'));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    for (const [name, sources] of app) {
      if (name === 'script-src' || name === 'connect-src') continue;
      expect(dev.get(name), name).toEqual(sources);
    }
    expect([...dev.keys()].sort()).toEqual([...app.keys()].sort());
    expect(devServerContentSecurityPolicy('http://localhost:5173/')).not.toContain('unsafe-eval');
  });

  it('refuses a dev server that is not plain http on a host', () => {
    expect(() => devServerContentSecurityPolicy('file:///tmp/index.html')).toThrow(/not http/);
  });
});
