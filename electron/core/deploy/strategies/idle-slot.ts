import type { DockerOps } from '../../docker/docker-ops';
import type { StrategyContext, TrafficSwitch } from '../deploy-strategy';
import { waitSlotHealthy } from './blue-green-health';
import {
  describeSlot,
  liveSlot,
  otherSlot,
  requireTraffic,
  runStage,
  type SlotLayout,
  type SlotName,
  type SlotState,
  slotLayout,
  slotStates,
  startSlot,
} from './slots';

// The opening blue-green and canary share: find the live slot, start the new version in the other
// one and health-check it, each as a journaled stage. Traffic has not moved yet when it returns.

export interface StartedSlot {
  layout: SlotLayout;
  traffic: TrafficSwitch;
  ops: DockerOps;
  /** The slot users get now; undefined before a first deploy. */
  live?: SlotName;
  liveState?: SlotState;
  /** The version in the live slot (its label, else what the run resolved). */
  previous?: string;
  target: SlotName;
  /** "green v2 on 127.0.0.1:8082", for stage details. */
  newText: string;
}

export async function startIdleSlot(ctx: StrategyContext, strategy: 'blue-green' | 'canary'): Promise<StartedSlot> {
  const layout = slotLayout(ctx.environment, strategy);
  const traffic = requireTraffic(ctx, layout);
  const ops = await ctx.docker(layout.dockerHost);
  const live = await liveSlot(layout, traffic, ctx.io);
  const target: SlotName = live ? otherSlot(live) : 'blue';
  const liveState = live ? (await slotStates(ops, layout))[live] : undefined;
  const previous = live ? (liveState?.version ?? ctx.previousVersion) : undefined;
  const newText = describeSlot(layout, target, ctx.version);

  await runStage(ctx, 'start', `start ${newText}`, () => startSlot(ctx, layout, ops, target));
  await runStage(
    ctx,
    'health',
    `GET ${layout.healthPath} on ${layout.address(target)}`,
    () => waitSlotHealthy(ctx, layout, ops, target),
    (ms) => `${newText} healthy after ${ms} ms`,
  );
  return { layout, traffic, ops, live, liveState, previous, target, newText };
}
