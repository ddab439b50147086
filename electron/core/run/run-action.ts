import type { Action } from '../../../shared/formats/action-schema';
import { interpolateTitle } from '../../../shared/formats/interpolate';
import { actionKey } from '../../../shared/formats/runbook-schema';
import { describeAction } from '../../../shared/plans/describe-action';
import { planAction } from '../../../shared/plans/plan-action';
import type { ActionView } from '../../../shared/runs/run-state';
import { AlertRollbackError } from './deployment-session';
import { ask, type ExecutorContext } from './executor-context';
import { recordAppStarted } from './record-started';
import { MissingAnswerError } from './run-decider';
import { runDeploymentPlan } from './run-deploy';
import { toErrorRecord } from './run-errors';
import type { ToolIO } from './run-tools';

// One action, with its automatic retries and then the step's failure policy; under `ask` the
// operator decides (retry, skip with a reason, roll back, abort) as in guided failure.

export type ActionOutcome = 'passed' | 'skipped' | 'rollback' | 'abort';

const tailLines = 30;

function actionSignal(ctx: ExecutorContext, timeoutMs: number | undefined): AbortSignal {
  const stops = [ctx.signal, ctx.alert];
  return AbortSignal.any(timeoutMs ? [...stops, AbortSignal.timeout(timeoutMs)] : stops);
}

async function attempt(ctx: ExecutorContext, stepId: string, action: Action, key: string, attemptNo: number) {
  const tail: string[] = [];
  const started = Date.now();
  let plan: ReturnType<typeof planAction>;
  try {
    plan = planAction(action, ctx.plan);
  } catch (error) {
    return { ok: false as const, error: toErrorRecord(error), tail, durationMs: 0 };
  }
  await ctx.recorder.emit('action.started', {
    step: stepId,
    action: key,
    type: action.type,
    title: interpolateTitle(describeAction(action), ctx.plan.scope),
    attempt: attemptNo,
    plan,
  });
  if (plan.kind === 'manual') {
    const signer = await ask(ctx, (signal) =>
      ctx.decider.manual({ step: stepId, action: key, instructions: plan.instructions }, signal),
    );
    if (!signer)
      throw new MissingAnswerError(
        `manual action ${key} needs someone to continue it ("manual: continue" in an answers file)`,
      );
    await ctx.recorder.emit('manual.continued', { step: stepId, action: key, by: signer.by, note: signer.note });
    return { ok: true as const, result: undefined, durationMs: Date.now() - started };
  }
  const signal = actionSignal(ctx, action.timeout);
  try {
    const io: ToolIO = {
      signal,
      started(host, pid) {
        // Not awaited: the command is already running; the journal keeps the order of events.
        void ctx.recorder.emit('process.started', { step: stepId, action: key, host, pid }).catch(() => undefined);
      },
      output(host, stream, line) {
        tail.push(host ? `[${host}] ${line}` : line);
        if (tail.length > tailLines) tail.shift();
        ctx.output(host ? `${key}@${host}` : key, stream, line);
      },
    };
    const result =
      plan.kind === 'deploy' || plan.kind === 'watch'
        ? await runDeploymentPlan(ctx, stepId, plan, io)
        : await ctx.tools.runPlan(plan, io);
    if (plan.kind === 'docker.run') await recordAppStarted(ctx, stepId, plan, io);
    return { ok: true as const, result, durationMs: Date.now() - started };
  } catch (error) {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    const record = ctx.alert.aborted
      ? toErrorRecord(ctx.alert.reason)
      : signal.aborted
        ? {
            code: 'timeout',
            message: `${key} did not finish within ${Math.round((action.timeout ?? 0) / 1000)}s and was stopped`,
          }
        : toErrorRecord(error);
    return { ok: false as const, error: record, tail, durationMs: Date.now() - started };
  }
}

export async function runAction(
  ctx: ExecutorContext,
  stepId: string,
  action: Action,
  index: number,
  onFailure: string,
): Promise<ActionOutcome> {
  const key = actionKey(stepId, action, index);
  const step = stepId.startsWith('@')
    ? ctx.recorder.state.rollbackStep
    : ctx.recorder.state.steps.find((s) => s.id === stepId);
  const view: ActionView | undefined = step?.actions.find((a) => a.key === key);
  if (view?.state === 'passed' || view?.state === 'skipped') return view.state;
  let attempts = view?.attempts ?? 0;
  let automaticLeft = action.retries;
  // A resumed run finds this action failed (or interrupted) with no decision recorded: it asks
  // first, rather than silently running again something that may have half-happened.
  let recorded =
    view?.state === 'failed'
      ? { error: view.error ?? { code: 'failed', message: 'failed' }, tail: view.tail ?? [] }
      : undefined;
  for (;;) {
    let outcome: { error: { code: string; message: string }; tail: string[] };
    if (recorded) {
      outcome = recorded;
      recorded = undefined;
      automaticLeft = 0;
    } else {
      attempts += 1;
      const tried = await attempt(ctx, stepId, action, key, attempts);
      if (tried.ok) {
        await ctx.recorder.emit('action.passed', {
          step: stepId,
          action: key,
          durationMs: tried.durationMs,
          result: tried.result,
        });
        return 'passed';
      }
      outcome = tried;
      await ctx.recorder.emit('action.failed', {
        step: stepId,
        action: key,
        durationMs: tried.durationMs,
        attempt: attempts,
        error: tried.error,
        tail: tried.tail,
      });
      // A rollback rule fired: no retry, no question; the executor rolls back (trigger: alert).
      if (ctx.alert.aborted) throw ctx.alert.reason;
      if (tried.error.code === 'alert-rollback') throw new AlertRollbackError('alert-rollback', tried.error.message);
    }
    if (automaticLeft > 0) {
      automaticLeft -= 1;
      await ctx.sleep(action.retryDelay, ctx.signal);
      continue;
    }
    if (onFailure === 'continue') {
      await ctx.recorder.emit('action.skipped', {
        step: stepId,
        action: key,
        reason: 'failure policy of the step: continue',
        by: 'runbook',
      });
      return 'skipped';
    }
    if (onFailure === 'abort' || onFailure === 'rollback') return onFailure;
    await ctx.recorder.emit('step.waiting', { step: stepId, items: [], approvals: [], decision: key });
    const answer = await ask(ctx, (signal) =>
      ctx.decider.onFailure(
        {
          step: stepId,
          action: key,
          title: interpolateTitle(describeAction(action), ctx.plan.scope),
          error: outcome.error,
          attempt: attempts,
          tail: outcome.tail,
        },
        signal,
      ),
    );
    if (!answer)
      throw new MissingAnswerError(
        `${key} failed (${outcome.error.message}) and no decision was given (answers file: failures."${key}")`,
      );
    if (answer.decision === 'skip' && !answer.reason?.trim())
      throw new MissingAnswerError(`skipping ${key} needs a reason`);
    await ctx.recorder.emit('failure.decided', {
      step: stepId,
      action: key,
      decision: answer.decision,
      reason: answer.reason,
      by: answer.by,
    });
    if (answer.decision === 'retry') {
      await ctx.recorder.emit('step.started', { step: stepId });
      continue;
    }
    if (answer.decision === 'skip') {
      await ctx.recorder.emit('action.skipped', { step: stepId, action: key, reason: answer.reason!, by: answer.by });
      await ctx.recorder.emit('step.started', { step: stepId });
      return 'skipped';
    }
    return answer.decision;
  }
}
