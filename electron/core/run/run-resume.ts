import type { PlanOf } from '../../../shared/plans/action-plan';
import type { RunEvent } from '../../../shared/runs/run-event';
import { rollbackStepId } from '../../../shared/runs/run-state';
import type { ExecutorContext } from './executor-context';
import { strategyContext } from './run-deploy';
import type { RunRecorder } from './run-recorder';
import { revertActionKey } from './run-revert';
import type { RunTools } from './run-tools';

// What a resumed run must learn again before it goes on: the action the dead process left
// running, and the deployment it had started (held only in memory), so a rollback still reverts it.

/**
 * On resume, the action that was running when the run stopped: whether it finished on the target
 * is unknown, so it is recorded as failed (`interrupted`) and the operator decides what next.
 */
export async function recordInterruption(recorder: RunRecorder, tools: RunTools): Promise<void> {
  const state = recorder.state;
  const step = state.steps.find((s) => s.id === state.currentStep);
  const running = step?.actions.find((a) => a.state === 'running');
  if (!step || !running) return;
  // Re-checking the target: a command the dead process started may still run there, unwatched.
  const stopped: string[] = [];
  for (const proc of running.processes ?? []) {
    const where = proc.host ?? 'this machine';
    try {
      if (await tools.stopProcess(proc.host, proc.pid)) {
        stopped.push(where);
        await recorder.emit('process.stopped', { step: step.id, action: running.key, host: proc.host, pid: proc.pid });
      }
    } catch {
      // Unreachable now: the failure below still says the outcome is unknown.
    }
  }
  const still = stopped.length ? `; its command was still running on ${stopped.join(', ')} and has been stopped` : '';
  await recorder.emit('action.failed', {
    step: step.id,
    action: running.key,
    durationMs: 0,
    attempt: running.attempts,
    error: {
      code: 'interrupted',
      message: `${running.key} was running when the run stopped; whether it finished on the target is unknown${still}`,
    },
    tail: [],
  });
}

/**
 * The last deploy the journal shows a strategy acting on (a `strategy.stage` after its start), and
 * not reverted since: the resumed run's rollback reverts it as the first run's would have. The
 * strategies read the target's state back (containers, proxy file, hosts), so the plan is enough.
 */
export function restoreDeployment(ctx: ExecutorContext, events: readonly RunEvent[]): void {
  let started: { key: string; plan: PlanOf<'deploy'> } | undefined;
  let deployed: typeof started;
  for (const { type, data } of events) {
    const plan = data.plan as { kind?: string } | undefined;
    if (type === 'action.started' && data.step !== rollbackStepId && plan?.kind === 'deploy') {
      started = { key: String(data.action), plan: plan as PlanOf<'deploy'> };
    } else if (type === 'action.started' && data.step !== rollbackStepId) {
      started = undefined;
    } else if (type === 'strategy.stage' && started) {
      deployed = started;
    } else if (type === 'action.passed' && data.action === revertActionKey) {
      deployed = undefined;
    } else if (type === 'release.recorded' && data.rolledBack !== undefined) {
      // Rolled back already (by the engine itself, or a revert): nothing left to revert.
      deployed = undefined;
    }
  }
  if (!deployed) return;
  const { key, plan } = deployed;
  const io = {
    signal: ctx.signal,
    output: (host: string | undefined, stream: 'stdout' | 'stderr' | 'info', line: string) =>
      ctx.output(host ? `${key}@${host}` : key, stream, line),
  };
  ctx.deployment.deployed = {
    strategy: ctx.deployment.targets.strategy(plan.strategy),
    ctx: strategyContext(ctx, plan, io, undefined),
  };
}
