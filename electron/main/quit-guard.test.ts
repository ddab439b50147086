import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardQuit, type QuitEvent } from './quit-guard';

// The desktop app's side of stopping mid-run, with an EventEmitter in place of Electron's `app`
// (no Electron binary on this machine): the engine's shutdown itself is tested for real in
// electron/cli/web-shutdown.int.test.ts.

function fakeApp() {
  const emitter = new EventEmitter();
  let quits = 0;
  const app = {
    on: (event: 'before-quit', listener: (e: QuitEvent) => void) => emitter.on(event, listener),
    quit: () => {
      quits += 1;
      quitOnce();
    },
  };
  /** What Electron does on quit(): emits before-quit, and quits unless prevented. */
  const quitOnce = () => {
    let prevented = false;
    emitter.emit('before-quit', {
      preventDefault: () => {
        prevented = true;
      },
    });
    return !prevented;
  };
  return { app, quitOnce, quits: () => quits };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('guardQuit', () => {
  it('asks before quitting with runs, interrupts them on yes, then quits', async () => {
    const { app, quitOnce } = fakeApp();
    const calls: string[] = [];
    let release!: () => void;
    guardQuit({
      app,
      activeRuns: () => ['r1'],
      confirm: (runs) => {
        calls.push(`confirm ${runs.join()}`);
        return true;
      },
      shutdown: () => {
        calls.push('shutdown');
        return new Promise<void>((r) => {
          release = r;
        });
      },
    });
    expect(quitOnce()).toBe(false);
    expect(calls).toEqual(['confirm r1', 'shutdown']);
    // A second quit while the runs are being interrupted goes at once.
    expect(quitOnce()).toBe(true);
    release();
    await settle();
    expect(quitOnce()).toBe(true);
  });

  it('does nothing when the person says no', async () => {
    const { app, quitOnce } = fakeApp();
    let shutdowns = 0;
    guardQuit({
      app,
      activeRuns: () => ['r1'],
      confirm: () => false,
      shutdown: async () => {
        shutdowns += 1;
      },
    });
    expect(quitOnce()).toBe(false);
    await settle();
    expect(shutdowns).toBe(0);
  });

  it('still closes the engine in order when no run is active, without asking', async () => {
    const { app, quitOnce, quits } = fakeApp();
    let asked = false;
    let shutdowns = 0;
    guardQuit({
      app,
      activeRuns: () => [],
      confirm: () => {
        asked = true;
        return true;
      },
      shutdown: async () => {
        shutdowns += 1;
      },
    });
    expect(quitOnce()).toBe(false);
    await settle();
    expect(asked).toBe(false);
    expect(shutdowns).toBe(1);
    expect(quits()).toBe(1);
  });
});
