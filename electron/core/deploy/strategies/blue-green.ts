import { formatDuration } from '../../../../shared/formats/duration';
import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import type { StrategyStage } from '../../../../shared/runs/run-events';
import type { DeployOutcome, DeployStrategy, StrategyContext } from '../deploy-strategy';
import { revertSlots } from './blue-green-revert';
import { startIdleSlot } from './idle-slot';
import {
  describeSlot,
  otherSlot,
  runStage,
  type SlotLayout,
  type SlotName,
  slotLayout,
  slotServers,
  weightsByVersion,
} from './slots';

/** Where a version would start: the named idle slot when the live one is known, else both candidates. */
export function idleSlotText(layout: SlotLayout, live: SlotName | undefined): string {
  if (live) return describeSlot(layout, otherSlot(live));
  return `the idle slot (${describeSlot(layout, 'blue')} or ${describeSlot(layout, 'green')})`;
}

/**
 * The blue-green plan. `live` is the slot serving now when the caller has asked the proxy (the
 * plain `plan()` cannot: it is pure), which lets the plan name the exact slot and port.
 */
export function planBlueGreen(
  environment: NamedEnvironment,
  version: string,
  previousVersion: string | undefined,
  live?: SlotName,
): StrategyStage[] {
  const layout = slotLayout(environment, 'blue-green');
  const hosts = [layout.dockerHost];
  const proxy = `nginx on ${layout.where}`;
  const old = live
    ? `${live}${previousVersion ? ` (${previousVersion})` : ''}`
    : (previousVersion ?? 'the live version');
  return [
    { id: 'start', title: `start ${version} in ${idleSlotText(layout, live)}`, hosts },
    {
      id: 'health',
      title: `health-check ${version}: GET ${layout.healthPath} answers 200 within ${formatDuration(layout.healthTimeoutMs)}`,
      hosts,
    },
    { id: 'switch', title: `switch ${proxy} to ${version}${live ? ` in ${otherSlot(live)}` : ''}`, hosts },
    { id: 'keep-old', title: `keep ${old} running for an instant switch-back`, hosts },
  ];
}

/**
 * Blue-green on one host: the new version starts in the idle slot, is health-checked on the port
 * the proxy will use, then one proxy switch moves all traffic. The old slot keeps running, so
 * revert() is one more switch (well under 2 s), not a redeploy.
 */
export function createBlueGreenStrategy(): DeployStrategy {
  return {
    name: 'blue-green',
    revertCheck: () => ({ kind: 'serving' }),
    plan: (environment, version, previousVersion) => planBlueGreen(environment, version, previousVersion),
    deploy: deployBlueGreen,
    revert: (ctx, reason) =>
      revertSlots(ctx, slotLayout(ctx.environment, 'blue-green'), reason, { stageOf: () => 'switch' }),
  };
}

async function deployBlueGreen(ctx: StrategyContext): Promise<DeployOutcome> {
  const { layout, traffic, live, liveState, previous, target, newText } = await startIdleSlot(ctx, 'blue-green');

  ctx.cutover('during');
  try {
    await runStage(ctx, 'switch', `switch ${traffic.where} to ${newText}`, async () => {
      const servers = slotServers(layout, {
        [target]: { weight: 100, version: ctx.version },
        ...(live ? { [live]: { weight: 0, version: previous } } : {}),
      });
      await traffic.apply(servers, ctx.io);
      await ctx.switched(
        traffic.where,
        weightsByVersion(
          live
            ? [
                [ctx.version, 100],
                [previous, 0],
              ]
            : [[ctx.version, 100]],
        ),
      );
    });
  } finally {
    ctx.cutover('after');
  }

  let kept: string | undefined;
  if (live && liveState?.running)
    kept = `${describeSlot(layout, live, previous)} kept running for an instant switch-back`;
  else if (live)
    kept = `${describeSlot(layout, live, previous)} is not running (container ${layout.container(live)}): no switch-back`;
  await ctx.stage('keep-old', 'passed', kept ?? 'no previous version was live: nothing to keep');
  return {
    weights: { [ctx.version]: 100 },
    detail: `${newText} serves all traffic via ${traffic.where}${kept ? `; ${kept}` : ''}`,
  };
}
