import { describe, expect, it } from 'vitest';
import { Environment, type NamedEnvironment } from '../../../shared/formats/environment-schema';
import { lockLocation, parseLockInfo } from './lock-peek';

const env = (name: string, raw: unknown): NamedEnvironment => ({ ...Environment.parse(raw), name });
const host = { name: 'web-1', address: '10.0.0.5', hostKey: `SHA256:${'a'.repeat(43)}` };

describe('where the deploy lock is read', () => {
  it('on the first host, relative to the login unless lockDir says otherwise', () => {
    expect(lockLocation(env('production', { hosts: [host] }), '/data')).toEqual({
      host: 'web-1',
      dir: '.release-pilot/locks/production.lock',
      where: 'web-1:.release-pilot/locks/production.lock',
    });
    expect(lockLocation(env('production', { hosts: [host], lockDir: '/var/lock/rp/' }), '/data').dir).toBe(
      '/var/lock/rp/production.lock',
    );
  });

  it('on this machine when the environment has no hosts', () => {
    expect(lockLocation(env('dev', {}), '/data')).toEqual({
      dir: '/data/locks/dev.lock',
      where: '/data/locks/dev.lock',
    });
  });

  it('reads the holder, and nothing from a torn or foreign info file', () => {
    expect(parseLockInfo('{"holder":"Ada on x","runId":"r1","at":"2025-01-01T00:00:00Z"}')).toEqual({
      holder: 'Ada on x',
      runId: 'r1',
      at: '2025-01-01T00:00:00Z',
    });
    expect(parseLockInfo('{ torn')).toBeUndefined();
    expect(parseLockInfo('{"holder":1}')).toBeUndefined();
  });
});
