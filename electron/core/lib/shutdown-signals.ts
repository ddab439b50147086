// Ctrl-C / SIGTERM for a process that drives runs (`release-pilot run`, `release-pilot web`): the
// first signal asks for an orderly stop (runs interrupted at a safe point and journaled), a second
// one leaves at once. One wrinkle: `when-exit` (pulled in by conf, through atomically) hooks the
// signals with `once` listeners that, after their clean-up, send the same signal to this process
// again. That echo is not the operator pressing Ctrl-C twice. It is recognised by its cause, not by
// timing: a foreign `once` listener that was there at install time and is gone after the first
// signal has fired, and announces exactly one echo of that signal.

export type ShutdownSignal = 'SIGINT' | 'SIGTERM';
const signals: ShutdownSignal[] = ['SIGINT', 'SIGTERM'];

export interface ShutdownHandlers {
  /** The first signal: stop at a safe point (may take a while: runs journal their interruption). */
  first(signal: ShutdownSignal): void;
  /** Any later signal: leave now. */
  again(signal: ShutdownSignal): void;
}

/** Installs the handlers; returns a function that removes them. */
export function onShutdownSignals(handlers: ShutdownHandlers): () => void {
  const foreign = new Map(signals.map((s) => [s, [...process.rawListeners(s)]]));
  let received = false;
  let echo: ShutdownSignal | undefined;
  const listeners = signals.map((signal) => {
    const listener = () => {
      if (!received) {
        received = true;
        const now = process.rawListeners(signal);
        if (foreign.get(signal)?.some((l) => !now.includes(l))) echo = signal;
        handlers.first(signal);
        return;
      }
      if (echo === signal) {
        echo = undefined;
        return;
      }
      handlers.again(signal);
    };
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  return () => {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  };
}

/** The exit status of a process a signal stopped, as shells report it (128 + the signal number). */
export function signalExitCode(signal: ShutdownSignal): number {
  return signal === 'SIGINT' ? 130 : 143;
}
