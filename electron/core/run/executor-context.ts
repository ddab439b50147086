import type { Runbook } from '../../../shared/formats/runbook-schema';
import type { PlanContext } from '../../../shared/plans/plan-action';
import type { EndStatus, SignerRecord } from '../../../shared/runs/run-events';
import type { DeploymentSession } from './deployment-session';
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
  /** Aborted when a rollback rule fires; the rollback runs with a context whose alert never aborts. */
  alert: AbortSignal;
  deployment: DeploymentSession;
  /** Last words before `run.finished` (an incident record for a production run that went wrong). */
  beforeEnd?(status: EndStatus): Promise<void>;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/**
 * Waits for a person's answer, but gives up when the run is cancelled or a rollback rule fires; the
 * question is then withdrawn (the decider sees the signal abort), so no window or terminal keeps
 * asking something the run no longer waits for while the rollback asks its own questions.
 */
export async function ask<T>(ctx: ExecutorContext, question: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.any([ctx.signal, ctx.alert]);
  if (signal.aborted) throw signal.reason;
  const asked = question(signal);
  return await new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    asked.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
