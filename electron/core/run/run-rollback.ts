import type { RunEventData } from '../../../shared/runs/run-events';
import { type ItemView, rollbackStepId } from '../../../shared/runs/run-state';
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
  trigger: 'operator' | 'policy' | 'alert' | 'manual',
): Promise<boolean> {
  // The alert that caused the rollback must not interrupt it.
  const ctx: ExecutorContext = { ...runCtx, alert: neverAborted };
  await ctx.recorder.emit('rollback.started', { reason, trigger });
  try {
    await ctx.recorder.emit('step.started', { step: rollbackStepId });
    const reverted = await revertDeployment(ctx, reason);
    if (!reverted.ok) {
      await ctx.recorder.emit('rollback.finished', {
        ok: false,
        error: { code: 'rollback-failed', message: `reverting the deployment failed: ${reverted.reason}` },
      });
      return false;
    }
    for (const [index, action] of ctx.runbook.rollback.actions.entries()) {
      const outcome = await runAction(ctx, rollbackStepId, action, index, 'abort');
      if (outcome === 'abort' || outcome === 'rollback') {
        await recordRollback(ctx, false);
        await ctx.recorder.emit('rollback.finished', {
          ok: false,
          error: { code: 'rollback-failed', message: failedRollbackAction(ctx, index) },
        });
        return false;
      }
    }
    await recordRollback(ctx, true);
    const items = ctx.recorder.state.rollbackStep?.items ?? [];
    const checked = await completeItems(ctx, rollbackStepId, items);
    // No deploy action ran, so nothing of ours changed: the runbook's own checks are the proof.
    if (!ctx.deployment.deployed) await ctx.recorder.emit('rollback.verified', checklistVerdict(items, checked));
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

/** A runbook-only rollback is verified by its checklist (automatic checks run, items ticked). */
function checklistVerdict(items: readonly ItemView[], checked: string): RunEventData['rollback.verified'] {
  if (items.length === 0)
    return { by: 'none', ok: checked === 'done', detail: 'no deploy action ran and the rollback has no checklist' };
  const automatic = items.filter((i) => i.automatic).length;
  const what = `${items.length} item(s) of the rollback checklist (${automatic} automatic)`;
  return checked === 'done'
    ? { by: 'checklist', ok: true, detail: `${what} passed` }
    : { by: 'checklist', ok: false, detail: `${what}: a check did not pass` };
}

/** The failed rollback action by the title people read in the run, and why (not "rollback action 1"). */
function failedRollbackAction(ctx: ExecutorContext, index: number): string {
  const action = ctx.recorder.state.rollbackStep?.actions.filter((a) => a.state === 'failed').at(-1);
  if (!action) return `rollback action ${index + 1} failed`;
  return `rollback action “${action.title}” failed${action.error ? `: ${action.error.message}` : ''}`;
}
