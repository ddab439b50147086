import { describe, expect, it } from 'vitest';
import { Environment } from '../../../../shared/formats/environment-schema';
import {
  addressText,
  appLines,
  daysText,
  deployLines,
  dockerText,
  gateLines,
  hostKeyText,
  monitoringLines,
  scheduleLines,
} from './environment-properties';

const env = (raw: unknown) => ({ ...Environment.parse(raw), name: 'production' });
const value = (lines: { label: string; value: string }[], label: string) => lines.find((l) => l.label === label)?.value;

describe('environment wording', () => {
  it('writes days as ranges when they follow each other', () => {
    expect(daysText(['thu', 'mon', 'tue', 'wed'])).toBe('Mon–Thu');
    expect(daysText(['mon', 'wed', 'fri'])).toBe('Mon, Wed, Fri');
    expect(daysText(['sat', 'sun'])).toBe('Sat, Sun');
  });

  it('describes schedules, windows and freezes in their zone', () => {
    expect(scheduleLines(undefined)).toEqual(['Any time (no schedule)']);
    const schedule = env({
      schedule: {
        timezone: 'europe/berlin',
        windows: [{ days: ['mon', 'tue', 'wed', 'thu'], from: '09:00', to: '16:00' }],
        freezes: [{ from: '2026-12-20', to: '2027-01-04T08:00', reason: 'Holidays' }],
      },
    }).schedule;
    expect(scheduleLines(schedule)).toEqual([
      'Mon–Thu 09:00–16:00 (Europe/Berlin)',
      'Frozen 2026-12-20 00:00 → 2027-01-04 08:00: Holidays',
    ]);
  });

  it('says how Docker is reached and how host keys are pinned', () => {
    expect(dockerText({ via: 'local', socket: '/var/run/docker.sock' })).toBe(
      "This machine's engine at /var/run/docker.sock",
    );
    expect(dockerText({ via: 'ssh' })).toBe("Each host's engine, over its SSH connection");
    expect(hostKeyText({ hostKey: `SHA256:${'x'.repeat(43)}` })).toBe(`SHA256:${'x'.repeat(13)}…`);
    expect(hostKeyText({ knownHosts: 'keys/known_hosts' })).toBe('known_hosts: keys/known_hosts');
    expect(hostKeyText({ alias: 'web' })).toBe('~/.ssh/config (web)');
    expect(addressText({ address: '10.0.0.5', port: 2222 })).toBe('10.0.0.5:2222');
    expect(addressText({ alias: 'web' })).toBe('alias web');
  });

  it('lists the gates, the app, the deploy settings and the monitoring with their defaults', () => {
    const e = env({
      protected: true,
      requires: ['staging'],
      approvals: ['tech-lead'],
      app: { image: 'shop/api', container: 'api', ports: ['8080:80'] },
      urls: { health: 'http://10.0.0.5:8080/health' },
      proxy: { kind: 'nginx', upstreamFile: '/etc/nginx/conf.d/up.conf' },
      monitoring: { prometheus: { url: 'http://prom:9090', queries: { error_rate: 'sum(x)' } } },
    });
    expect(value(gateLines(e), 'Requires')).toBe('staging passed first');
    expect(value(gateLines(e), 'Deploy lock')).toBe("this machine's data folder; stale after 2h");
    expect(value(appLines(e), 'Ports')).toBe('8080:80');
    expect(value(appLines(e), 'Smoke URLs')).toBe('None');
    expect(value(deployLines(e), 'Proxy')).toBe('nginx on this machine, upstream "app"');
    expect(value(deployLines(e), 'Config test')).toBe('nginx -t');
    expect(value(deployLines(e), 'Canary')).toBe('5% → 25% → 50% → 100%, 5m analysis each');
    expect(value(monitoringLines(e), 'Probes')).toBe('http://10.0.0.5:8080/health at 10/s, 2s timeout');
    expect(value(monitoringLines(e), 'Prometheus')).toBe('http://prom:9090 every 15s: error_rate');
    expect(value(monitoringLines(e), 'Watch')).toBe('1h after the cutover');
  });
});
