import { rollbackStepId } from '../../../shared/runs/run-state';
import { CodedError } from '../lib/coded-error';
import type { ExecutorContext } from './executor-context';
import { checkRevert } from './revert-check';
import { recordRelease } from './run-deploy';
import { toErrorRecord } from './run-errors';
import type { ToolIO } from './run-tools';

// The first thing a rollback does after a deploy action ran: the strategy's own revert (blue-green
// switches the proxy back, rolling re-runs the old version on the hosts it changed), journaled as
// an action of the rollback step, then verified by what it changed (revert-check.ts), the
// verification journaled as rollback.verified so the report can say how it was known.

export const revertActionKey = `${rollbackStepId}.revert`;

/** ok, or why the revert (or its verification) failed, for rollback.finished. */
export type RevertResult = { ok: true } | { ok: false; reason: string };

export async function revertDeployment(ctx: ExecutorContext, reason: string): Promise<RevertResult> {
  const deployed = ctx.deployment.deployed;
  if (!deployed) return { ok: true };
  const { strategy, ctx: strategyCtx } = deployed;
  const previous = strategyCtx.previousVersion;
  const started = Date.now();
  const tail: string[] = [];
  const io: ToolIO = {
    signal: ctx.signal,
    output(host, stream, line) {
      tail.push(host ? `[${host}] ${line}` : line);
      if (tail.length > 30) tail.shift();
      ctx.output(host ? `${revertActionKey}@${host}` : revertActionKey, stream, line);
    },
  };
  await ctx.recorder.emit('action.started', {
    step: rollbackStepId,
    action: revertActionKey,
    type: 'deploy.revert',
    title: `Revert the ${strategy.name} deployment${previous ? ` to ${previous}` : ''}`,
    attempt: 1,
    plan: { kind: 'deploy.revert', strategy: strategy.name, to: previous },
  });
  try {
    const outcome = await strategy.revert({ ...strategyCtx, io }, reason);
    const verdict = await checkRevert(ctx, strategy.revertCheck(strategyCtx.environment), strategyCtx, io);
    await ctx.recorder.emit('rollback.verified', verdict);
    io.output(undefined, verdict.ok ? 'info' : 'stderr', `verified by ${verdict.by}: ${verdict.detail}`);
    if (!verdict.ok) throw new CodedError('rollback-unverified', verdict.detail, { check: verdict.by });
    if (previous) await recordRelease(ctx, previous, strategyCtx.version, strategy.name, io, strategyCtx.version);
    await ctx.recorder.emit('action.passed', {
      step: rollbackStepId,
      action: revertActionKey,
      durationMs: Date.now() - started,
      result: outcome,
    });
    return { ok: true };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    await ctx.recorder.emit('action.failed', {
      step: rollbackStepId,
      action: revertActionKey,
      durationMs: Date.now() - started,
      attempt: 1,
      error: toErrorRecord(error),
      tail,
    });
    return { ok: false, reason: toErrorRecord(error).message };
  }
}
