import type { Step } from '../../../shared/formats/runbook-schema';
import { approvalRefusal } from '../../../shared/runs/answer-rules';
import { exitStepId } from '../../../shared/runs/planned-steps';
import type { EndStatus } from '../../../shared/runs/run-events';
import type { StepView } from '../../../shared/runs/run-state';
import { AlertRollbackError, ManualRollbackError } from './deployment-session';
import { ask, type ExecutorContext } from './executor-context';
import { recordSucceeded } from './record-started';
import { runAction } from './run-action';
import { MissingAnswerError } from './run-decider';
import { toErrorRecord } from './run-errors';
import { RunInterruptedError } from './run-interrupt';
import { completeItems } from './run-items';
import { rollBack } from './run-rollback';

// The run's state machine (DESIGN §2). Steps in order; each: approvals, items due before its
// actions, the actions, then its remaining checklist. Everything is journaled before it happens,
// and state comes back from the journal, so a resumed run skips exactly what already passed.

type StepOutcome = 'passed' | 'skipped' | 'rollback' | 'abort';

/** The step's approvals; each answer that breaks a rule is refused (journaled, with why) and asked again. */
async function grantApprovals(ctx: ExecutorContext, step: Step, pending: string[]): Promise<void> {
  const { name: environment, protected: isProtected } = ctx.plan.environment;
  for (const [index, role] of pending.entries()) {
    const roleTitle = ctx.runbook.roles[role] ?? role;
    const missing = pending.slice(index).map((r) => ctx.runbook.roles[r] ?? r);
    const guard = { environment, protected: isProtected, operator: ctx.operator.by, missing };
    let refused: string | undefined;
    for (;;) {
      const signer = await ask(ctx, (signal) =>
        ctx.decider.approve({ step: step.id, role, roleTitle, refused, ...guard }, signal),
      );
      if (!signer) {
        const why = refused ? ` (the answer given was refused: ${refused})` : '';
        throw new MissingAnswerError(
          `step ${step.id} needs approval by ${roleTitle} (answers file: approvals.${role})${why}`,
        );
      }
      refused = approvalRefusal({
        environment: ctx.plan.environment.name,
        protected: ctx.plan.environment.protected,
        operator: ctx.operator.by,
        by: signer.by,
        roleTitle,
      });
      if (!refused) {
        await ctx.recorder.emit('approval.granted', { step: step.id, role, by: signer.by, note: signer.note });
        break;
      }
      await ctx.recorder.emit('approval.refused', { step: step.id, role, by: signer.by, reason: refused });
    }
  }
}

/** Roles still to approve this step: its own and, on the first step that changes something, the environment's. */
function pendingApprovals(step: Step, view: StepView, extraRoles: string[]): string[] {
  const roles = [...new Set([...step.approvals, ...extraRoles])];
  return roles.filter((role) => !view.approvals.some((a) => a.role === role && a.by));
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
  // Journaled started once: a step that must be approved first waits, then starts.
  const pending = pendingApprovals(step, view, environmentApprovals);
  if (pending.length > 0) {
    await ctx.recorder.emit('step.waiting', { step: step.id, items: [], approvals: pending });
    await grantApprovals(ctx, step, pending);
  }
  await ctx.recorder.emit('step.started', { step: step.id });
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
          ok ? `rolled back after step ${step.id} failed` : `rollback failed${rollbackError(ctx)}`,
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
      // Interrupted by its host, not cancelled: the run stays open for a resume (run-interrupt.ts).
      if (ctx.signal.reason instanceof RunInterruptedError) throw ctx.signal.reason;
      await ctx.recorder.emit('run.cancelled', { by: ctx.cancelledBy(), reason: 'cancelled while running' });
      return await finish(ctx, 'aborted', `cancelled by ${ctx.cancelledBy()}`);
    }
    if (error instanceof MissingAnswerError) return await finish(ctx, 'aborted', error.message);
    return await finish(ctx, 'failed', toErrorRecord(error).message);
  }
}

async function rollBackOnAlert(ctx: ExecutorContext, cause: unknown): Promise<EndStatus> {
  const state = ctx.recorder.state;
  const why = alertReason(cause) ?? toErrorRecord(cause).message;
  const current = state.steps.find((s) => s.id === state.currentStep);
  if (current && (current.state === 'running' || current.state === 'waiting')) {
    await ctx.recorder.emit('step.failed', { step: current.id, error: toErrorRecord(cause) });
  }
  const ok = await rollBack(ctx, why, cause instanceof ManualRollbackError ? 'manual' : 'alert');
  return await finish(
    ctx,
    ok ? 'rolled-back' : 'failed',
    ok ? why : `${why}; the rollback failed${rollbackError(ctx)}`,
  );
}

/** Why the rollback failed, as its rollback.finished said (": …"), for the run's end reason. */
function rollbackError(ctx: ExecutorContext): string {
  const message = ctx.recorder.state.rollback?.error?.message;
  return message ? `: ${message}` : '';
}

/** Why an alert rolled the run back ("alert X fired (…)"), without the "rolling back" of the moment. */
function alertReason(cause: unknown): string | undefined {
  // Only a rule's alert carries `why`; Roll back now says who and why in its own message.
  const why = cause instanceof AlertRollbackError ? cause.details.why : undefined;
  return typeof why === 'string' ? why : undefined;
}
