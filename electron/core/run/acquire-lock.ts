import { hostname } from 'node:os';
import type { LockInfo, LockSite } from './deploy-lock';
import { ask, type ExecutorContext } from './executor-context';
import { RunBlockedError } from './run-errors';
import { isStaleLock, lockRefusal } from './start-guards';

// Taking the environment's lock at the start of a run. A lock held by this same run (a resume)
// is taken over; any other lock refuses the run, naming its holder, unless someone explicitly
// decides to break it — and that decision is journaled with the holder it replaced. One exception
// needs no one: a lock left by a run this machine's journal shows ended (lock-proof.ts) is stale by
// proof, and is released and journaled with that proof.

/** Says why the lock's holder is known to have ended (lock-proof.ts), or undefined. */
export type EndedProof = (holder: LockInfo) => Promise<string | undefined>;

export function lockHolder(operator: string): string {
  return `${operator} on ${hostname()}`;
}

export async function acquireLock(
  ctx: ExecutorContext,
  site: LockSite,
  runId: string,
  staleAfterMs: number,
  now: () => Date,
  provenEnded: EndedProof = async () => undefined,
): Promise<void> {
  const info: LockInfo = { holder: lockHolder(ctx.operator.by), runId, at: now().toISOString() };
  const first = await site.tryCreate(info);
  if (first.ok) {
    await ctx.recorder.emit('lock.acquired', { where: site.where, holder: info.holder });
    return;
  }
  const holder = first.holder;
  if (holder?.runId === runId) {
    await ctx.recorder.emit('lock.acquired', { where: site.where, holder: info.holder });
    return;
  }
  const proof = holder ? await provenEnded(holder).catch(() => undefined) : undefined;
  if (holder && proof) {
    await site.remove();
    const retaken = await site.tryCreate(info);
    if (!retaken.ok)
      throw new RunBlockedError(
        `environment ${ctx.plan.environment.name} was locked again while releasing the stale lock at ${site.where}`,
        'locked',
      );
    await ctx.recorder.emit('lock.stale-released', { where: site.where, previous: holder, proof });
    await ctx.recorder.emit('lock.acquired', { where: site.where, holder: info.holder });
    return;
  }
  const stale = isStaleLock(holder, staleAfterMs, now());
  const decision = await ask(ctx, (signal) =>
    ctx.decider.breakLock(
      {
        holder: holder?.holder ?? 'unknown',
        runId: holder?.runId ?? 'unknown',
        at: holder?.at ?? 'unknown',
        where: site.where,
        stale,
      },
      signal,
    ),
  );
  if (!decision) {
    // The message a preview gives for the same lock (start-guards.ts).
    throw new RunBlockedError(lockRefusal(ctx.plan.environment.name, holder, site.where, stale), 'locked');
  }
  await site.remove();
  const second = await site.tryCreate(info);
  if (!second.ok)
    throw new RunBlockedError(
      `environment ${ctx.plan.environment.name} was locked again while breaking the lock at ${site.where}`,
      'locked',
    );
  await ctx.recorder.emit('lock.broken', {
    where: site.where,
    previous: { holder: holder?.holder ?? 'unknown', runId: holder?.runId ?? 'unknown', at: holder?.at ?? 'unknown' },
    by: decision.by,
    reason: decision.reason,
  });
  await ctx.recorder.emit('lock.acquired', { where: site.where, holder: info.holder });
}
