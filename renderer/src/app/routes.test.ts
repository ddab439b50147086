import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, screenLabels, screens } from './routes';

describe('parseHash', () => {
  it('reads the screen from #/name', () => {
    expect(parseHash('#/runs')).toEqual({ screen: 'runs', params: [] });
    expect(parseHash('#/environments')).toEqual({ screen: 'environments', params: [] });
  });

  it('treats an empty hash as the dashboard', () => {
    expect(parseHash('')).toEqual({ screen: 'dashboard', params: [] });
    expect(parseHash('#')).toEqual({ screen: 'dashboard', params: [] });
    expect(parseHash('#/')).toEqual({ screen: 'dashboard', params: [] });
  });

  it('tolerates a missing slash, a trailing slash and capitals', () => {
    expect(parseHash('#settings')).toEqual({ screen: 'settings', params: [] });
    expect(parseHash('#/Reports/')).toEqual({ screen: 'reports', params: [] });
  });

  it('keeps the segments after the screen, decoded', () => {
    expect(parseHash('#/runs/2025-11-26%20a')).toEqual({ screen: 'runs', params: ['2025-11-26 a'] });
  });

  it('returns undefined for an unknown screen', () => {
    expect(parseHash('#/nowhere')).toBeUndefined();
    expect(parseHash('#content')).toBeUndefined();
  });
});

describe('hrefFor', () => {
  it('builds a hash that parses back to the same route', () => {
    for (const screen of screens) expect(parseHash(hrefFor(screen))).toEqual({ screen, params: [] });
    expect(parseHash(hrefFor('runs', 'a/b'))).toEqual({ screen: 'runs', params: ['a/b'] });
  });
});

describe('screenLabels', () => {
  it('names every screen as the navigation shows it', () => {
    expect(screens.map((s) => screenLabels[s])).toEqual([
      'Dashboard',
      'Runbooks',
      'Environments',
      'Runs',
      'Logs',
      'Reports',
      'Settings',
      'Plan',
      'Monitoring',
    ]);
  });
});
