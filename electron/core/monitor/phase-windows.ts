import type { ProbeSample } from '../../../shared/monitor/probe-sample';
import { summarizeSamples } from '../../../shared/monitor/summarize-samples';
import type { MonitorPhase, RunEventData } from '../../../shared/runs/run-events';

// The journal's view of the probes: back-to-back windows (never overlapping, never straddling a
// cutover), each tagged with the phase it fell in, so the report can compare before/during/after.

export type WindowEvent = RunEventData['monitor.window'];

export interface PhaseWindows {
  readonly phase: MonitorPhase;
  add(sample: ProbeSample): void;
  /**
   * Closes the open window at `now`, then starts the next one. Undefined when it saw no probes,
   * unless `closing` the phase and the phase has no window yet: every phase that happened gets one
   * (a blue-green switch can take less than one probe interval).
   */
  flush(now: number, closing?: boolean): WindowEvent | undefined;
  /** Closes the phase's last window, then moves to `phase`. */
  cutover(phase: MonitorPhase, now: number): WindowEvent | undefined;
}

export function createPhaseWindows(startedAt: number): PhaseWindows {
  let phase: MonitorPhase = 'before';
  let from = startedAt;
  let samples: ProbeSample[] = [];
  let phaseHasWindow = false;

  const flush = (now: number, closing = false): WindowEvent | undefined => {
    const closed = samples;
    const span = now - from;
    const event: WindowEvent | undefined =
      closed.length === 0 && (phaseHasWindow || !closing)
        ? undefined
        : {
            source: 'probes',
            phase,
            from: new Date(from).toISOString(),
            to: new Date(now).toISOString(),
            ...summarizeSamples(closed, span),
          };
    samples = [];
    from = now;
    if (event) phaseHasWindow = true;
    return event;
  };

  return {
    get phase() {
      return phase;
    },
    add(sample) {
      samples.push(sample);
    },
    flush,
    cutover(next, now) {
      const event = flush(now, true);
      phase = next;
      phaseHasWindow = false;
      return event;
    },
  };
}
