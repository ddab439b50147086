import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodedError } from '../../lib/coded-error';
import { silentLogger } from '../../logging/logger';
import { createSshPool, type SshPool } from '../../ssh/ssh-pool';
import { type SshdLab, startSshdLab } from '../../test-lab/sshd-lab';
import { rejectionOf } from '../../test-support/rejection';
import { useTempDirs } from '../../test-support/temp-dir';
import { flagSwitchFor } from '../flags/flag-switch-for';
import { labEnvironment } from '../test-support/rolling-lab';
import { testStrategyContext } from '../test-support/test-strategy-context';
import { createFeatureFlagStrategy } from './feature-flags';
import { StrategyError } from './rolling-errors';

// The feature-flag strategy flipping a real flagd file, here and on an sshd host: 50 % seen in the
// file during the analysis window, then an alert orders the rollback and the flag goes off.

let lab: SshdLab;
let pool: SshPool;
beforeAll(async () => {
  lab = await startSshdLab({ hosts: 1 });
  pool = createSshPool({ logger: silentLogger });
});
afterAll(async () => {
  await pool?.close();
  await lab?.stop();
});

const connection = async (host: string) => pool.connection(lab.hosts.find((h) => h.name === host)!);
const other = { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' };
const shareIn = async (path: string) => {
  const doc = JSON.parse(await readFile(path, 'utf8'));
  return { fractional: doc.flags['new-checkout'].targeting.fractional, other: doc.flags.other };
};

describe.each([
  ['this machine', undefined],
  ['an SSH host', ['host-1']],
] as const)('feature-flag strategy with the flag file on %s', (_where, hosts) => {
  const tempDir = useTempDirs('rp-flag-strategy-');
  function setup() {
    const path = join(tempDir(), 'flags.json');
    const provider = { kind: 'file' as const, path, ...(hosts ? { hosts: [...hosts] } : {}) };
    const environment = labEnvironment({
      deploy: { flags: { provider, flag: 'new-checkout', steps: [50, 100], analysis: '1s' } },
    });
    return { path, environment, flags: flagSwitchFor(provider, { connection }) };
  }

  it('off first, 50 % during its analysis window; an alert rejects and revert turns it off', async () => {
    const { path, environment, flags } = setup();
    await writeFile(path, JSON.stringify({ flags: { other } }));
    const seen: Array<Awaited<ReturnType<typeof shareIn>>> = [];
    const ctx = testStrategyContext({
      environment,
      version: 'v2',
      previousVersion: 'v1',
      flags,
      analyse: async () => {
        seen.push(await shareIn(path));
        throw new CodedError('alert-rollback', 'error rate > 10 % for 1 s');
      },
    });
    const strategy = createFeatureFlagStrategy();

    const error = await rejectionOf(strategy.deploy(ctx), CodedError);

    expect(error.code).toBe('alert-rollback');
    expect(seen).toEqual([
      {
        fractional: [
          ['on', 50],
          ['off', 50],
        ],
        other,
      },
    ]);
    expect(ctx.switches.map((s) => s.weights)).toEqual([
      { v2: 0, v1: 100 },
      { v2: 50, v1: 50 },
    ]);
    expect(ctx.stages.map((s) => `${s.stage}:${s.state}`)).toEqual([
      'flag-0:started',
      'flag-0:passed',
      'flag-50:started',
      'flag-50:failed',
    ]);

    const outcome = await strategy.revert(ctx, 'error rate > 10 %');

    expect(outcome.weights).toEqual({ v2: 0, v1: 100 });
    expect(await shareIn(path)).toEqual({
      fractional: [
        ['on', 0],
        ['off', 100],
      ],
      other,
    });
    expect(await flags.get('new-checkout', ctx.io)).toBe(0);
  });

  it('goes through every step to 100 % when the windows pass quietly', async () => {
    const { path, environment, flags } = setup();
    const ctx = testStrategyContext({
      environment,
      version: 'v2',
      previousVersion: 'v1',
      flags,
      analyse: async () => {},
    });
    const outcome = await createFeatureFlagStrategy().deploy(ctx);
    expect(outcome.weights).toEqual({ v2: 100, v1: 0 });
    expect(ctx.analyses.map((a) => [a.ms, a.label])).toEqual([
      [1000, 'flag new-checkout at 50 %'],
      [1000, 'flag new-checkout at 100 %'],
    ]);
    expect((await shareIn(path)).fractional).toEqual([
      ['on', 100],
      ['off', 0],
    ]);
    expect(ctx.cutovers).toEqual(['during', 'after']);
  });

  it('a malformed flag file stops the deploy at the first step and is left as it was', async () => {
    const { path, environment, flags } = setup();
    await writeFile(path, 'not json');
    const ctx = testStrategyContext({ environment, version: 'v2', previousVersion: 'v1', flags });
    const error = await rejectionOf(createFeatureFlagStrategy().deploy(ctx), CodedError);
    expect(error.code).toBe('flag-file-malformed');
    expect(error.message).toContain(`${path} on ${hosts ? 'host-1' : 'this machine'}`);
    expect(await readFile(path, 'utf8')).toBe('not json');
    expect(ctx.stages.map((s) => `${s.stage}:${s.state}`)).toEqual(['flag-0:started', 'flag-0:failed']);
  });
});

describe('feature-flag strategy, bad input', () => {
  it('an environment without deploy.flags is a config error naming the field', async () => {
    const ctx = testStrategyContext({ environment: labEnvironment({}), version: 'v2' });
    const error = await rejectionOf(createFeatureFlagStrategy().deploy(ctx), StrategyError);
    expect(error.code).toBe('invalid-config');
    expect(error.details).toEqual({ field: 'deploy.flags' });
  });
});
