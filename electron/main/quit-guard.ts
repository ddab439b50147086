// Quitting the desktop app while it drives runs (docs/app.md, "Quitting during a run"): the quit
// is held, the person is asked, and on yes every run is interrupted at a safe point and journaled
// (shutdownEngine) before the app goes — the runs stay open and resume straight away on the next
// start. On no, nothing happens. Kept free of 'electron' imports so it can be tested in Node.

export interface QuitEvent {
  preventDefault(): void;
}

export interface QuitGuardDeps {
  app: { on(event: 'before-quit', listener: (event: QuitEvent) => void): unknown; quit(): void };
  /** The runs this app drives now. */
  activeRuns(): string[];
  /** Asks the person; true to interrupt the runs and quit. */
  confirm(runs: string[]): boolean;
  /** Interrupts the runs and closes the engine (core/engine-shutdown.ts). */
  shutdown(): Promise<unknown>;
  onError?(error: unknown): void;
}

export function guardQuit(deps: QuitGuardDeps): void {
  let stopping = false;
  let stopped = false;
  deps.app.on('before-quit', (event) => {
    if (stopped) return;
    const runs = deps.activeRuns();
    // Nothing to stop, or already stopping (a second quit while runs journal their interruption):
    // a second quit goes at once, as a second Ctrl-C does on the command line.
    if (stopping) return;
    event.preventDefault();
    if (runs.length > 0 && !deps.confirm(runs)) return;
    stopping = true;
    deps
      .shutdown()
      .catch((error: unknown) => deps.onError?.(error))
      .finally(() => {
        stopped = true;
        deps.app.quit();
      });
  });
}
