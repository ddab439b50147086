import { describe, expect, it } from 'vitest';
import type { UpstreamServer } from '../deploy-strategy';
import { checkServers, parseUpstream, renderUpstream } from './nginx-upstream';
import { TrafficError } from './traffic-error';

const servers: UpstreamServer[] = [
  { address: '127.0.0.1:8082', weight: 90, label: 'green v2' },
  { address: '127.0.0.1:8081', weight: 10, label: 'blue v1' },
];

function errorOf(work: () => unknown): TrafficError {
  try {
    work();
  } catch (error) {
    if (error instanceof TrafficError) return error;
    throw error;
  }
  throw new Error('expected a TrafficError');
}

describe('renderUpstream', () => {
  it('writes a header, a label comment per server and nginx weights; weight 0 as down', () => {
    const text = renderUpstream({
      upstream: 'app',
      servers: [servers[0]!, { ...servers[1]!, weight: 0 }],
      runId: 'r-42',
      at: new Date('2026-05-01T10:00:00.000Z'),
    });
    expect(text).toBe(
      [
        '# written by Release Pilot run r-42 at 2026-05-01T10:00:00.000Z',
        '# Release Pilot rewrites this file on every traffic switch; change the environment, not this file.',
        'upstream app {',
        '  # green v2',
        '  server 127.0.0.1:8082 weight=90;',
        '  # blue v1',
        '  server 127.0.0.1:8081 down;',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps a label with a newline on its comment line, so it cannot inject configuration', () => {
    const text = renderUpstream({
      upstream: 'app',
      servers: [{ address: '127.0.0.1:1', weight: 100, label: 'evil\nserver 10.0.0.1:80;' }],
      runId: 'r',
      at: 'now',
    });
    expect(text).toContain('  # evil server 10.0.0.1:80;\n');
    expect(parseUpstream(text, 'app', 'f')).toHaveLength(1);
  });

  it('reads back exactly what it wrote', () => {
    const written = [servers[0]!, { ...servers[1]!, weight: 0 }];
    const text = renderUpstream({ upstream: 'app', servers: written, runId: 'r', at: 'then' });
    expect(parseUpstream(text, 'app', '/etc/nginx/up.conf')).toEqual(written);
  });
});

describe('parseUpstream', () => {
  it('reads a hand-written block: default weight 1, backup and down as 0, other directives skipped', () => {
    const text = [
      'upstream other { server 10.0.0.9:80; }',
      'upstream app {',
      '  least_conn;',
      '  server 10.0.0.1:80;',
      '  server 10.0.0.2:80 weight=3 max_fails=2;',
      '  server 10.0.0.3:80 backup;',
      '  server 10.0.0.4:80 down;',
      '}',
    ].join('\n');
    expect(parseUpstream(text, 'app', 'f').map((s) => [s.address, s.weight])).toEqual([
      ['10.0.0.1:80', 1],
      ['10.0.0.2:80', 3],
      ['10.0.0.3:80', 0],
      ['10.0.0.4:80', 0],
    ]);
  });

  it('names the file when the upstream block is missing', () => {
    const error = errorOf(() => parseUpstream('upstream web {\n}\n', 'app', '/etc/nginx/up.conf'));
    expect(error.code).toBe('proxy-upstream-unreadable');
    expect(error.message).toContain('/etc/nginx/up.conf');
    expect(error.message).toContain('upstream app');
  });

  it('names file and line of something that is not nginx, and a block left open', () => {
    const garbled = errorOf(() => parseUpstream('upstream app {\n  server 1.2.3.4:80\n}\n', 'app', '/u.conf'));
    expect(garbled.code).toBe('proxy-upstream-unreadable');
    expect(garbled.message).toMatch(/^\/u\.conf:2: /);
    const open = errorOf(() => parseUpstream('upstream app {\n  server 1.2.3.4:80;\n', 'app', '/u.conf'));
    expect(open.message).toContain('no closing "}"');
  });
});

describe('checkServers', () => {
  it('accepts weights 0–100 with one server taking traffic', () => {
    expect(() => checkServers([servers[0]!, { ...servers[1]!, weight: 0 }], 'nginx on web-1')).not.toThrow();
  });

  it('refuses all-zero weights: nobody would be served', () => {
    const error = errorOf(() =>
      checkServers(
        servers.map((s) => ({ ...s, weight: 0 })),
        'nginx on web-1',
      ),
    );
    expect(error.code).toBe('proxy-no-traffic');
    expect(error.message).toMatch(/^nginx on web-1: every server has weight 0/);
  });

  it.each([
    [[], 'no upstream servers'],
    [[{ address: '127.0.0.1', weight: 100, label: '' }], 'servers[0].address "127.0.0.1" is not host:port'],
    [[{ address: '1.2.3.4:80; evil', weight: 100, label: '' }], 'is not host:port'],
    [[{ address: '1.2.3.4:99999', weight: 100, label: '' }], 'is not host:port'],
    [[{ address: '1.2.3.4:80', weight: 101, label: '' }], 'weight 101 is not a whole number 0–100'],
    [[{ address: '1.2.3.4:80', weight: 2.5, label: '' }], 'weight 2.5'],
    [
      [
        { address: '1.2.3.4:80', weight: 50, label: '' },
        { address: '1.2.3.4:80', weight: 50, label: '' },
      ],
      'listed twice',
    ],
  ])('refuses %j', (bad, message) => {
    const error = errorOf(() => checkServers(bad as UpstreamServer[], 'nginx on this machine'));
    expect(error.code).toBe('proxy-servers-invalid');
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/^nginx on this machine: /);
  });
});
