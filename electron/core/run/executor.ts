import type { Step } from '../../../shared/formats/runbook-schema';
import { exitStepId } from '../../../shared/runs/planned-steps';
import type { EndStatus } from '../../../shared/runs/run-events';
import type { StepView } from '../../../shared/runs/run-state';
import { AlertRollbackError } from './deployment-session';
import { ask, type ExecutorContext } from './executor-context';
import { recordSucceeded } from './record-started';
import { runAction } from './run-action';
import { MissingAnswerError } from './run-decider';
import { toErrorRecord } from './run-errors';
import { completeItems } from './run-items';
import { rollBack } from './run-rollback';

// The run's state machine (DESIGN §2). Steps in order; each: approvals, items due before its
// actions, the actions, then its remaining checklist. Everything is journaled before it happens,
// and state comes back from the journal, so a resumed run skips exactly what already passed.

type StepOutcome = 'passed' | 'skipped' | 'rollback' | 'abort';

/** " ada " and "Ada" are one person: names are compared as people write them, not byte for byte. */
export function samePerson(a: string, b: string): boolean {
  const norm = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) === norm(b);
}

async function grantApprovals(ctx: ExecutorContext, step: Step, view: StepView, extraRoles: string[]): Promise<void> {
  const roles = [...new Set([...step.approvals, ...extraRoles])];
  const pending = roles.filter((role) => !view.approvals.some((a) => a.role === role && a.by));
  if (pending.length === 0) return;
  await ctx.recorder.emit('step.waiting', { step: step.id, items: [], approvals: pending });
  for (const role of pending) {
    const roleTitle = ctx.runbook.roles[role] ?? role;
    const signer = await ask(ctx, (signal) => ctx.decider.approve({ step: step.id, role, roleTitle }, signal));
    if (!signer)
      throw new MissingAnswerError(`step ${step.id} needs approval by ${roleTitle} (answers file: approvals.${role})`);
    if (ctx.plan.environment.protected && samePerson(signer.by, ctx.operator.by)) {
      throw new MissingAnswerError(
        `${ctx.plan.environment.name} is protected: ${roleTitle}'s approval must come from someone other than the operator (${signer.by})`,
      );
    }
    await ctx.recorder.emit('approval.granted', { step: step.id, role, by: signer.by, note: signer.note });
  }
  await ctx.recorder.emit('step.started', { step: step.id });
}

async function runStep(
  ctx: ExecutorContext,
  step: Step,
  view: StepView,
  environmentApprovals: string[],
): Promise<StepOutcome> {
  if (view.state === 'passed' || view.state === 'skipped') return view.state;
  const planned = ctx.recorder.state.steps.find((s) => s.id === step.id);
  const notApplicable = step.environments && !step.environments.includes(ctx.plan.environment.name);
  if (notApplicable) {
    await ctx.recorder.emit('step.skipped', {
      step: step.id,
      reason: `applies to ${step.environments!.join(', ')} only`,
      by: 'runbook',
    });
    return 'skipped';
  }
  await ctx.recorder.emit('step.started', { step: step.id });
  await grantApprovals(ctx, step, view, environmentApprovals);
  const before = await completeItems(
    ctx,
    step.id,
    view.items.filter((i) => i.before),
  );
  if (before !== 'done') return before;
  for (const [index, action] of step.actions.entries()) {
    const outcome = await runAction(ctx, step.id, action, index, step.onFailure);
    if (outcome === 'rollback' || outcome === 'abort') {
      const failed = planned?.actions[index];
      await ctx.recorder.emit('step.failed', {
        step: step.id,
        error: failed?.error ?? { code: 'action-failed', message: `${failed?.key ?? step.id} failed` },
      });
      return outcome;
    }
  }
  const after = await completeItems(
    ctx,
    step.id,
    view.items.filter((i) => !i.before),
  );
  if (after !== 'done') {
    await ctx.recorder.emit('step.failed', {
      step: step.id,
      error: { code: 'check-failed', message: 'a checklist check did not pass' },
    });
    return after;
  }
  await ctx.recorder.emit('step.passed', { step: step.id });
  return 'passed';
}

async function finish(ctx: ExecutorContext, status: EndStatus, reason?: string): Promise<EndStatus> {
  // The monitors' last window and the measured downtime belong to the run, before its end.
  await ctx.deployment.stop().catch(() => undefined);
  if (status === 'succeeded') await recordSucceeded(ctx).catch(() => undefined);
  await ctx.beforeEnd?.(status).catch(() => undefined);
  await ctx.recorder.emit('run.finished', { status, reason });
  return status;
}

/** Runs (or resumes) the run to its end and returns how it ended. Never throws for run failures. */
export async function executeRun(ctx: ExecutorContext): Promise<EndStatus> {
  const state = ctx.recorder.state;
  // The environment's own approvals are asked once, on the first step that changes something.
  let environmentApprovals = [...ctx.plan.environment.approvals];
  // Once a rollback has begun, an alert firing during it must not start a second one.
  let rollingBack = false;
  const rollBackOnce: typeof rollBack = (...args) => {
    rollingBack = true;
    return rollBack(...args);
  };
  try {
    for (const step of ctx.runbook.steps) {
      const view = state.steps.find((s) => s.id === step.id)!;
      const touches =
        step.actions.length > 0 && !(step.environments && !step.environments.includes(ctx.plan.environment.name));
      const outcome = await runStep(ctx, step, view, touches ? environmentApprovals : []);
      if (touches) environmentApprovals = [];
      if (outcome === 'abort') return await finish(ctx, 'aborted', `aborted at step ${step.id}`);
      if (outcome === 'rollback') {
        const policy = step.onFailure === 'rollback' ? 'policy' : 'operator';
        const ok = await rollBackOnce(ctx, `step ${step.id} failed`, policy);
        return await finish(
          ctx,
          ok ? 'rolled-back' : 'failed',
          ok ? `rolled back after step ${step.id} failed` : 'rollback failed',
        );
      }
      // A rule that fired while nothing was listening (a journal write, a step without actions)
      // still rolls back: the run never goes on, nor ends succeeded, past a firing rollback rule.
      if (ctx.alert.aborted) throw ctx.alert.reason;
    }
    const exit = await completeItems(ctx, exitStepId, state.exitCriteria);
    if (exit === 'abort') return await finish(ctx, 'aborted', 'exit criteria not met');
    if (exit === 'rollback') {
      const ok = await rollBackOnce(ctx, 'exit criteria not met', 'operator');
      return await finish(ctx, ok ? 'rolled-back' : 'failed', 'exit criteria not met');
    }
    if (ctx.alert.aborted) throw ctx.alert.reason;
    return await finish(ctx, 'succeeded');
  } catch (error) {
    const alertFired = ctx.alert.aborted || error instanceof AlertRollbackError;
    if (alertFired && !rollingBack && !ctx.signal.aborted) {
      try {
        return await rollBackOnAlert(ctx, ctx.alert.aborted ? ctx.alert.reason : error);
      } catch (during) {
        // Cancelled while rolling back: ended below as any cancelled run is, monitors stopped first.
        if (!ctx.signal.aborted) throw during;
      }
    }
    if (ctx.signal.aborted) {
      await ctx.recorder.emit('run.cancelled', { by: ctx.cancelledBy(), reason: 'cancelled while running' });
      return await finish(ctx, 'aborted', `cancelled by ${ctx.cancelledBy()}`);
    }
    if (error instanceof MissingAnswerError) return await finish(ctx, 'aborted', error.message);
    return await finish(ctx, 'failed', toErrorRecord(error).message);
  }
}

async function rollBackOnAlert(ctx: ExecutorContext, cause: unknown): Promise<EndStatus> {
  const state = ctx.recorder.state;
  const why = toErrorRecord(cause).message;
  const current = state.steps.find((s) => s.id === state.currentStep);
  if (current && (current.state === 'running' || current.state === 'waiting')) {
    await ctx.recorder.emit('step.failed', { step: current.id, error: toErrorRecord(cause) });
  }
  const ok = await rollBack(ctx, why, 'alert');
  return await finish(ctx, ok ? 'rolled-back' : 'failed', ok ? why : `${why}; the rollback failed`);
}
