import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EnvironmentsFile } from '../../../shared/formats/environment-schema';
import { demoEnvironmentsYaml, demoRunbookYaml, portsFrom } from './demo-environments';
import { demoLayout } from './demo-layout';
import { demoNginx } from './demo-proxy';
import { demoReleases, serviceConfig } from './demo-releases';

// The files the demo writes at creation must be valid project files, and say what they do.

const layout = demoLayout('/data');
const ports = portsFrom([18480, 18490, 18481, 18482, 18491, 18492]);

describe('the demo project files', () => {
  it('environments with nginx: blue-green slots, the upstream files and the reload script; production protected', () => {
    const text = demoEnvironmentsYaml(layout, ports, demoNginx('/usr/sbin/nginx', layout.proxy));
    const file = EnvironmentsFile.parse(parse(text));
    const { staging, production } = file.environments as Record<
      string,
      NonNullable<(typeof file.environments)[string]>
    >;
    expect(staging?.proxy).toMatchObject({
      kind: 'nginx',
      upstreamFile: '/data/demo/proxy/staging-upstream.conf',
      upstream: 'demo-staging',
      reload: ['/bin/sh', '/data/demo/proxy/reload.sh'],
    });
    expect(staging?.deploy.slots).toEqual({ blue: 18481, green: 18482 });
    expect(staging?.monitoring.probes).toMatchObject({ url: 'http://127.0.0.1:18480/version', version: 'body' });
    expect(staging?.monitoring.watch).toBe(20_000);
    expect(production).toMatchObject({ protected: true, requires: ['staging'] });
    expect(production?.urls.health).toBe('http://127.0.0.1:18490/health');
    // Every container name carries this data folder's prefix, and the history stays in the demo folder.
    expect(staging?.app?.container).toBe(`${layout.containerPrefix}staging`);
    expect(staging?.deploy.historyFile).toBe('/data/demo/history/staging.ndjson');
    expect(text).toMatch(/^# The demo's environments/);
  });

  it('environments without nginx: the containers publish the entry ports themselves (recreate)', () => {
    const file = EnvironmentsFile.parse(parse(demoEnvironmentsYaml(layout, ports, undefined)));
    const staging = file.environments.staging;
    expect(staging?.proxy).toBeUndefined();
    expect(staging?.app?.ports).toEqual(['127.0.0.1:18480:8080']);
  });

  it('the runbook extends the built-in one, with the strategy this machine allows and comments kept', async () => {
    const text = await demoRunbookYaml('recreate');
    const runbook = parse(text) as { extends: string; strategy: string; alerts: { name: string; for: string }[] };
    expect(runbook.extends).toBe('default');
    expect(runbook.strategy).toBe('recreate');
    expect(runbook.alerts.find((a) => a.name === 'RollbackOnErrorRate')?.for).toBe('4s');
    expect(text).toMatch(/# Automatic rollback triggers/);
  });

  it('v1.2.0 is the deliberately bad release; the others fail nothing', () => {
    expect(demoReleases.map((r) => [r.version, r.config.failPercent])).toEqual([
      ['v1.0.0', 0],
      ['v1.1.0', 0],
      ['v1.2.0', 30],
    ]);
    expect(serviceConfig(demoReleases[2]!)).toMatch(/^VERSION=v1\.2\.0$/m);
    expect(serviceConfig(demoReleases[2]!)).toMatch(/^FAIL_PERCENT=30$/m);
  });
});
