import { setTimeout as sleep } from 'node:timers/promises';
import type { DeployOutcome, StrategyContext } from '../deploy-strategy';
import {
  describeSlot,
  otherSlot,
  requireTraffic,
  SlotError,
  type SlotLayout,
  type SlotName,
  slotNames,
  slotServers,
  slotStates,
  slotWeights,
  weightsByVersion,
} from './slots';

/**
 * After the switch back, requests the proxy's old workers already sent to the new slot still need
 * it to answer; stopping it at once would fail them. A reload lets old workers finish, and these
 * requests take milliseconds, so a short pause is enough.
 */
export const drainMs = 500;

export interface RevertOptions {
  /** The stage the switch-back is journaled on, given the weight the new slot had (canary: its step). */
  stageOf(newWeight: number | undefined): string;
}

/**
 * Returns users to the slot this run did not start (blue-green and canary alike): one proxy switch,
 * then the new slot's container is stopped. The new slot is found by the run label, so this works
 * from a resumed run too; the old one must still be running, else there is nothing to go back to.
 */
export async function revertSlots(
  ctx: StrategyContext,
  layout: SlotLayout,
  reason: string,
  options: RevertOptions,
): Promise<DeployOutcome> {
  const traffic = requireTraffic(ctx, layout);
  const ops = await ctx.docker(layout.dockerHost);
  const states = await slotStates(ops, layout);
  const fresh = slotNames.find((slot) => states[slot]?.runId === ctx.runId);
  const weightsNow = await slotWeights(layout, traffic, ctx.io);
  if (!fresh) {
    // The run failed before it started anything: users never left the old version.
    const live = slotNames.filter((slot) => (weightsNow[slot] ?? 0) > 0);
    const weights = weightsByVersion(live.map((slot) => [states[slot]?.version, weightsNow[slot] ?? 0]));
    return { weights, detail: `nothing to undo on ${layout.where}: run ${ctx.runId} started no slot` };
  }
  const old: SlotName = otherSlot(fresh);
  const oldState = states[old];
  const freshText = describeSlot(layout, fresh, states[fresh]?.version);
  if (!oldState?.running) {
    throw new SlotError(
      'no-previous-slot',
      `${layout.strategy} on ${layout.where}: cannot switch back: the ${old} slot (${layout.address(old)}) has no ` +
        `running container ${layout.container(old)}, so there is no previous version to return to; ${freshText} keeps serving`,
      { host: layout.dockerHost, slot: old, port: layout.ports[old] },
    );
  }
  const oldText = describeSlot(layout, old, oldState.version);
  const stage = options.stageOf(weightsNow[fresh]);
  const started = performance.now();
  if ((weightsNow[fresh] ?? 0) > 0 || !((weightsNow[old] ?? 0) > 0)) {
    const servers = slotServers(layout, {
      [old]: { weight: 100, version: oldState.version },
      [fresh]: { weight: 0, version: states[fresh]?.version },
    });
    await traffic.apply(servers, ctx.io);
    await ctx.switched(
      traffic.where,
      weightsByVersion([
        [oldState.version, 100],
        [states[fresh]?.version, 0],
      ]),
    );
  }
  const switchMs = Math.round(performance.now() - started);
  await ctx.stage(stage, 'reverted', `traffic back on ${oldText} in ${switchMs} ms (${reason})`);

  await sleep(drainMs);
  let stopped = `stopped ${layout.container(fresh)}`;
  await ops.stop(layout.container(fresh), { timeoutSec: 5 }).catch((error: Error) => {
    // Users are already back on the old version; a container that will not stop is reported, not fatal.
    stopped = `could not stop ${layout.container(fresh)}: ${error.message}`;
    ctx.io.output(layout.dockerHost === 'local' ? undefined : layout.dockerHost, 'info', stopped);
  });
  return {
    weights: weightsByVersion([[oldState.version, 100]]),
    detail: `${oldText} serves again via ${traffic.where} (switched in ${switchMs} ms); ${freshText}: ${stopped}`,
  };
}
