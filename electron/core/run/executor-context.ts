import type { Runbook } from '../../../shared/formats/runbook-schema';
import type { PlanContext } from '../../../shared/plans/plan-action';
import type { SignerRecord } from '../../../shared/runs/run-events';
import type { RunDecider } from './run-decider';
import type { RunRecorder } from './run-recorder';
import type { OutputStream, RunTools } from './run-tools';

// Everything one run's executor works with, gathered by the launcher.

export interface ExecutorContext {
  recorder: RunRecorder;
  runbook: Runbook;
  plan: PlanContext;
  decider: RunDecider;
  tools: RunTools;
  operator: SignerRecord;
  /** Output of actions, already attributed to `<step>.<action>` and host. */
  output(source: string, stream: OutputStream, line: string): void;
  /** Aborted when the run is cancelled; `cancelledBy` says who. */
  signal: AbortSignal;
  cancelledBy(): string;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Waits for a person's answer, but gives up when the run is cancelled. */
export async function ask<T>(ctx: ExecutorContext, question: Promise<T>): Promise<T> {
  if (ctx.signal.aborted) throw ctx.signal.reason;
  return await new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(ctx.signal.reason);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    question.then(
      (value) => {
        ctx.signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        ctx.signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
