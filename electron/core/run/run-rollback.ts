import { rollbackStepId } from '../../../shared/runs/run-state';
import { neverAborted } from './deployment-session';
import type { ExecutorContext } from './executor-context';
import { recordRollback } from './record-started';
import { runAction } from './run-action';
import { toErrorRecord } from './run-errors';
import { completeItems } from './run-items';
import { revertDeployment } from './run-revert';

// The runbook's rollback procedure: its actions in order, then its verification checklist. A
// rollback never asks "roll back?" again: a failing rollback action ends it as failed, loudly.

export async function rollBack(
  runCtx: ExecutorContext,
  reason: string,
  trigger: 'operator' | 'policy' | 'alert',
): Promise<boolean> {
  // The alert that caused the rollback must not interrupt it.
  const ctx: ExecutorContext = { ...runCtx, alert: neverAborted };
  await ctx.recorder.emit('rollback.started', { reason, trigger });
  try {
    await ctx.recorder.emit('step.started', { step: rollbackStepId });
    if (!(await revertDeployment(ctx, reason))) {
      await ctx.recorder.emit('rollback.finished', {
        ok: false,
        error: { code: 'rollback-failed', message: 'reverting the deployment failed' },
      });
      return false;
    }
    for (const [index, action] of ctx.runbook.rollback.actions.entries()) {
      const outcome = await runAction(ctx, rollbackStepId, action, index, 'abort');
      if (outcome === 'abort' || outcome === 'rollback') {
        await recordRollback(ctx, false);
        await ctx.recorder.emit('rollback.finished', {
          ok: false,
          error: { code: 'rollback-failed', message: `rollback action ${index + 1} failed` },
        });
        return false;
      }
    }
    await recordRollback(ctx, true);
    const items = ctx.recorder.state.rollbackStep?.items ?? [];
    const checked = await completeItems(ctx, rollbackStepId, items);
    if (checked !== 'done') {
      await ctx.recorder.emit('rollback.finished', {
        ok: false,
        error: { code: 'rollback-unverified', message: 'rollback verification did not pass' },
      });
      return false;
    }
    await ctx.recorder.emit('rollback.finished', { ok: true });
    return true;
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    await ctx.recorder.emit('rollback.finished', { ok: false, error: toErrorRecord(error) });
    return false;
  }
}
