import { planCheck } from '../../../shared/plans/plan-check';
import { findChecklistItem } from '../../../shared/runs/planned-steps';
import type { ItemView } from '../../../shared/runs/run-state';
import { ask, type ExecutorContext } from './executor-context';
import { MissingAnswerError } from './run-decider';
import { toErrorRecord } from './run-errors';

// Checklist items of one step (or the exit criteria, or the rollback checks): automatic checks run
// first and tick their items themselves; the rest wait for a person's tick. A failed check is a
// failure like an action's: retry, skip with a reason (the item stays unticked), roll back, abort.

export type ItemsOutcome = 'done' | 'rollback' | 'abort';

async function runCheck(
  ctx: ExecutorContext,
  stepId: string,
  item: ItemView,
): Promise<ItemsOutcome | 'passed' | 'skipped'> {
  const written = findChecklistItem(ctx.runbook, item.key)?.check;
  if (!written) return 'passed';
  for (let attemptNo = 1; ; attemptNo += 1) {
    await ctx.recorder.emit('check.started', { item: item.key, check: written.type });
    const tail: string[] = [];
    let result: { ok: boolean; message: string };
    try {
      // Planned on each attempt, inside the try: an unknown variable fails the check, clearly.
      const definition = planCheck(written, ctx.plan);
      result = await ctx.tools.runCheck(definition, {
        // A rollback rule firing stops the check: the run rolls back rather than judge a version being undone.
        signal: AbortSignal.any([ctx.signal, ctx.alert]),
        output(host, stream, line) {
          tail.push(line);
          if (tail.length > 30) tail.shift();
          ctx.output(item.key, stream, host ? `[${host}] ${line}` : line);
        },
      });
    } catch (error) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      if (ctx.alert.aborted) {
        const message = toErrorRecord(ctx.alert.reason).message;
        await ctx.recorder.emit('check.finished', { item: item.key, ok: false, message });
        throw ctx.alert.reason;
      }
      result = { ok: false, message: toErrorRecord(error).message };
    }
    await ctx.recorder.emit('check.finished', { item: item.key, ok: result.ok, message: result.message });
    if (result.ok) {
      await ctx.recorder.emit('checklist.ticked', {
        item: item.key,
        by: 'automatic check',
        auto: true,
        ok: true,
        note: result.message,
      });
      return 'passed';
    }
    await ctx.recorder.emit('step.waiting', { step: stepId, items: [item.key], approvals: [], decision: item.key });
    const answer = await ask(ctx, (signal) =>
      ctx.decider.onFailure(
        {
          step: stepId,
          action: item.key,
          title: item.text,
          error: { code: 'check-failed', message: result.message },
          attempt: attemptNo,
          tail,
        },
        signal,
      ),
    );
    if (!answer)
      throw new MissingAnswerError(
        `check "${item.text}" failed (${result.message}) and no decision was given (answers file: failures."${item.key}")`,
      );
    await ctx.recorder.emit('failure.decided', {
      step: stepId,
      action: item.key,
      decision: answer.decision,
      reason: answer.reason,
      by: answer.by,
    });
    if (answer.decision === 'retry') continue;
    if (answer.decision === 'skip') return 'skipped';
    return answer.decision;
  }
}

export async function completeItems(ctx: ExecutorContext, stepId: string, items: ItemView[]): Promise<ItemsOutcome> {
  for (const item of items.filter((i) => i.automatic && !i.tick)) {
    const outcome = await runCheck(ctx, stepId, item);
    if (outcome === 'rollback' || outcome === 'abort') return outcome;
  }
  const manual = items.filter((i) => !i.automatic && !i.tick);
  if (manual.length === 0) return 'done';
  await ctx.recorder.emit('step.waiting', { step: stepId, items: manual.map((i) => i.key), approvals: [] });
  for (const item of manual) {
    const signer = await ask(ctx, (signal) =>
      ctx.decider.tick(
        { step: stepId, item: item.key, text: item.text, checklist: item.checklist, gate: item.gate },
        signal,
      ),
    );
    if (!signer)
      throw new MissingAnswerError(
        `checklist item ${item.key} ("${item.text}") was not ticked (answers file: checklist."${item.key}")`,
      );
    await ctx.recorder.emit('checklist.ticked', {
      item: item.key,
      by: signer.by,
      role: signer.role,
      note: signer.note,
    });
  }
  await ctx.recorder.emit('step.started', { step: stepId });
  return 'done';
}
