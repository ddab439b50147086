import { describe, expect, it } from 'vitest';
import { createPhaseWindows } from './phase-windows';

const ok = (at: number) => ({ at, ok: true, status: 200, latencyMs: 1, version: 'v1' });

describe('createPhaseWindows', () => {
  it('back-to-back windows tagged with their phase; an empty periodic window is skipped', () => {
    const windows = createPhaseWindows(0);
    windows.add(ok(100));
    windows.add(ok(600));
    expect(windows.flush(1000)).toMatchObject({
      source: 'probes',
      phase: 'before',
      from: new Date(0).toISOString(),
      to: new Date(1000).toISOString(),
      metrics: { requests: 2, throughput: 2 },
      versions: { v1: 2 },
    });
    expect(windows.flush(2000)).toBeUndefined();
    windows.add(ok(2100));
    expect(windows.cutover('during', 2500)).toMatchObject({ phase: 'before', from: new Date(2000).toISOString() });
    expect(windows.phase).toBe('during');
  });

  it('a phase shorter than one probe interval still gets its (empty) window', () => {
    const windows = createPhaseWindows(0);
    windows.add(ok(10));
    windows.cutover('during', 1000);
    const during = windows.cutover('after', 1018);
    expect(during).toMatchObject({ phase: 'during', metrics: { requests: 0 } });
    windows.add(ok(1100));
    expect(windows.flush(2000)).toMatchObject({ phase: 'after' });
    // The phase has its window: closing it empty adds none.
    expect(windows.flush(2005, true)).toBeUndefined();
  });
});
