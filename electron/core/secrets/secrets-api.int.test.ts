import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';
import { envSecrets } from './env-secrets';

// Secrets through the API in the browser host and CLI: names only, read from the environment;
// storing one is refused with the way to do it instead (the desktop app keeps them in the keychain).

const ctx = { transport: 'direct' as const };

describe('secrets API (environment-backed)', () => {
  const tempDir = useTempDirs();

  it('lists the names set in the environment, never the values, and refuses to store', async () => {
    const dataDir = tempDir();
    const engine = testEngine(dataDir, {
      secrets: envSecrets({
        RELEASE_PILOT_SECRET_DB_PASSWORD: 'pw-123456',
        RELEASE_PILOT_SECRET_EMPTY: '',
        HOME: '/root',
      }),
    });
    const listed = await engine.handlers['secrets:list']({}, ctx);
    expect(listed).toEqual({ storage: 'environment', names: ['DB_PASSWORD'] });
    expect(JSON.stringify(listed)).not.toContain('pw-123456');
    await expect(engine.handlers['secrets:set']({ name: 'API_TOKEN', value: 'x' }, ctx)).rejects.toMatchObject({
      code: 'not-implemented',
      message: expect.stringContaining('RELEASE_PILOT_SECRET_<NAME>'),
    });
  });
});
