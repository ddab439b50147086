import { rollbackStepId } from '../../../shared/runs/run-state';
import type { ExecutorContext } from './executor-context';
import { recordRelease } from './run-deploy';
import { toErrorRecord } from './run-errors';
import type { ToolIO } from './run-tools';

// The first thing a rollback does after a deploy action ran: the strategy's own revert (blue-green
// switches the proxy back, rolling re-runs the old version on the hosts it changed), journaled as
// an action of the rollback step, then verified by the probes seeing the old version answer.

export const revertActionKey = `${rollbackStepId}.revert`;

/** How long the old version may take to answer every probe again after the revert. */
const verifyTimeoutMs = 30_000;

export async function revertDeployment(ctx: ExecutorContext, reason: string): Promise<boolean> {
  const deployed = ctx.deployment.deployed;
  if (!deployed) return true;
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
    const monitor = ctx.deployment.monitor();
    if (monitor && previous) {
      const answered = await monitor.awaitVersion(previous, verifyTimeoutMs, ctx.signal);
      if (!answered)
        throw new Error(`${previous} did not answer every probe within ${verifyTimeoutMs / 1000}s of the revert`);
      io.output(undefined, 'info', `${previous} answers every probe again`);
    }
    if (previous) await recordRelease(ctx, previous, strategyCtx.version, strategy.name, io, strategyCtx.version);
    await ctx.recorder.emit('action.passed', {
      step: rollbackStepId,
      action: revertActionKey,
      durationMs: Date.now() - started,
      result: outcome,
    });
    return true;
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
    return false;
  }
}
