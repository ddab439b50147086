import { describe, expect, it } from 'vitest';
import { Environment, type NamedEnvironment } from '../../../../shared/formats/environment-schema';
import { createBlueGreenStrategy, planBlueGreen } from './blue-green';
import { createCanaryStrategy } from './canary';
import { SlotError, slotLayout } from './slots';

function environment(fields: Record<string, unknown> = {}): NamedEnvironment {
  return {
    ...Environment.parse({
      hosts: [{ name: 'web-1', address: '10.0.0.5', hostKey: `SHA256:${'A'.repeat(43)}` }],
      app: { image: 'shop', container: 'shop', ports: ['8080:3000'], healthPath: '/healthz' },
      proxy: { kind: 'nginx', upstreamFile: '/etc/nginx/conf.d/shop-upstream.conf' },
      deploy: { slots: { blue: 8081, green: 8082 }, healthTimeout: '45s' },
      ...fields,
    }),
    name: 'production',
  };
}

describe('blue-green plan', () => {
  it('names the idle slot and port when the live slot is known', () => {
    expect(planBlueGreen(environment(), 'v2', 'v1', 'blue')).toEqual([
      { id: 'start', title: 'start v2 in green on 127.0.0.1:8082', hosts: ['local'] },
      { id: 'health', title: 'health-check v2: GET /healthz answers 200 within 45s', hosts: ['local'] },
      { id: 'switch', title: 'switch nginx on this machine to v2 in green', hosts: ['local'] },
      { id: 'keep-old', title: 'keep blue (v1) running for an instant switch-back', hosts: ['local'] },
    ]);
  });

  it('plan() is pure: without asking the proxy it names both candidate slots', () => {
    const stages = createBlueGreenStrategy().plan(environment(), 'v2', 'v1');
    expect(stages[0]?.title).toBe('start v2 in the idle slot (blue on 127.0.0.1:8081 or green on 127.0.0.1:8082)');
    expect(stages[3]?.title).toBe('keep v1 running for an instant switch-back');
  });

  it('over SSH the slots run on the proxy host', () => {
    const env = environment({
      docker: { via: 'ssh' },
      proxy: { kind: 'nginx', host: 'web-1', upstreamFile: '/etc/nginx/conf.d/up.conf' },
    });
    const stages = planBlueGreen(env, 'v2', undefined, 'green');
    expect(stages.map((s) => s.hosts)).toEqual([['web-1'], ['web-1'], ['web-1'], ['web-1']]);
    expect(stages[2]?.title).toBe('switch nginx on web-1 to v2 in blue');
    expect(slotLayout(env, 'blue-green').containerPort).toBe(3000);
  });
});

describe('canary plan', () => {
  it('one stage per weight, with the analysis window', () => {
    const env = environment({
      deploy: { slots: { blue: 8081, green: 8082 }, canary: { weights: [10, 50, 100], analysis: '2m' } },
    });
    const stages = createCanaryStrategy().plan(env, 'v2', 'v1');
    expect(stages.slice(2)).toEqual([
      {
        id: 'weight-10',
        title: 'send 10 % of traffic to v2 (90 % to v1) and watch for 2m',
        hosts: ['local'],
        weight: 10,
      },
      {
        id: 'weight-50',
        title: 'send 50 % of traffic to v2 (50 % to v1) and watch for 2m',
        hosts: ['local'],
        weight: 50,
      },
      {
        id: 'weight-100',
        title: 'send all traffic to v2; keep v1 running at 0 % for an instant switch-back',
        hosts: ['local'],
        weight: 100,
      },
    ]);
  });
});

describe('slot layout errors name the environment and the field', () => {
  it.each([
    [{ deploy: {} }, 'deploy.slots', 'deploy.slots is missing'],
    [{ proxy: undefined }, 'proxy', 'proxy is missing'],
    [{ app: undefined }, 'app', 'app is missing'],
    [{ docker: { via: 'ssh' } }, 'proxy.host', 'proxy.host must name the host'],
    [
      { proxy: { kind: 'nginx', host: 'web-1', upstreamFile: '/etc/nginx/up.conf' } },
      'docker.via',
      'nginx runs on web-1 but Docker is this machine',
    ],
  ])('%j', (fields, field, message) => {
    let error: unknown;
    try {
      slotLayout(environment(fields), 'canary');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SlotError);
    expect((error as SlotError).code).toBe('strategy-config-invalid');
    expect((error as SlotError).details.field).toBe(field);
    expect((error as SlotError).message).toMatch(/^canary in environment "production": /);
    expect((error as SlotError).message).toContain(message);
  });
});
