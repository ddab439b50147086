import { describe, expect, it } from 'vitest';
import type { RunMonitoring } from '../../../../shared/api/schemas/monitoring';
import { downtimeText } from './monitoring-summary';

const view = (strategy: string | undefined, ms: number): RunMonitoring => ({
  runId: 'r1',
  lastSeq: 0,
  rules: [],
  started: [],
  stopped: true,
  windows: [],
  alerts: [],
  downtime: { ms, from: '2026-11-05T09:01:10.000Z', to: '2026-11-05T09:01:11.200Z' },
  ...(strategy ? { strategy } : {}),
});

describe('downtimeText', () => {
  it('judges downtime against what the strategy promises', () => {
    expect(downtimeText(view('blue-green', 1200))).toMatchObject({ value: '1.2 s', tone: 'danger' });
    expect(downtimeText(view('blue-green', 1200)).detail).toMatch(/\(blue-green promises none\)$/);
    expect(downtimeText(view('recreate', 4000))).toMatchObject({ value: '4.0 s', tone: 'info' });
    expect(downtimeText(view('recreate', 4000)).detail).toMatch(/expected: recreate stops the old version first/);
    expect(downtimeText(view('rolling', 0))).toMatchObject({ value: 'None', tone: 'success' });
  });
});
