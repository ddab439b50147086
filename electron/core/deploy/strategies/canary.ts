import { formatDuration } from '../../../../shared/formats/duration';
import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import type { StrategyStage } from '../../../../shared/runs/run-events';
import type { DeployOutcome, DeployStrategy, StrategyContext } from '../deploy-strategy';
import { idleSlotText } from './blue-green';
import { revertSlots } from './blue-green-revert';
import { startIdleSlot } from './idle-slot';
import { describeSlot, runStage, type SlotName, slotLayout, slotServers, weightsByVersion } from './slots';

const stageOf = (weight: number) => `weight-${weight}`;

/** The canary plan; `live` as in planBlueGreen. */
export function planCanary(
  environment: NamedEnvironment,
  version: string,
  previousVersion: string | undefined,
  live?: SlotName,
): StrategyStage[] {
  const layout = slotLayout(environment, 'canary');
  const hosts = [layout.dockerHost];
  const { weights, analysis } = environment.deploy.canary;
  const old = previousVersion ?? 'the live version';
  return [
    { id: 'start', title: `start ${version} in ${idleSlotText(layout, live)} beside ${old}`, hosts },
    {
      id: 'health',
      title: `health-check ${version}: GET ${layout.healthPath} answers 200 within ${formatDuration(layout.healthTimeoutMs)}`,
      hosts,
    },
    ...weights.map((weight) => ({
      id: stageOf(weight),
      title:
        weight < 100
          ? `send ${weight} % of traffic to ${version} (${100 - weight} % to ${old}) and watch for ${formatDuration(analysis)}`
          : `send all traffic to ${version}; keep ${old} running at 0 % for an instant switch-back`,
      hosts,
      weight,
    })),
  ];
}

/**
 * Canary on one host: the new version starts in the idle slot beside the live one, then the proxy's
 * weights step through deploy.canary.weights with an analysis window at each step below 100. A
 * rollback rule firing during a window rejects analyse() with 'alert-rollback'; that rejection is
 * passed on untouched, and the engine then calls revert(), which puts all traffic back on the old slot.
 */
export function createCanaryStrategy(): DeployStrategy {
  return {
    name: 'canary',
    revertCheck: () => ({ kind: 'serving' }),
    plan: (environment, version, previousVersion) => planCanary(environment, version, previousVersion),
    deploy: deployCanary,
    revert: (ctx, reason) =>
      revertSlots(ctx, slotLayout(ctx.environment, 'canary'), reason, {
        stageOf: (weight) => (weight === undefined || weight === 0 ? 'start' : stageOf(weight)),
      }),
  };
}

async function deployCanary(ctx: StrategyContext): Promise<DeployOutcome> {
  const { layout, traffic, live, previous, target, newText } = await startIdleSlot(ctx, 'canary');
  const { weights, analysis } = ctx.environment.deploy.canary;

  ctx.cutover('during');
  try {
    if (!live) {
      // Nothing to compare against: the first version of an app takes all traffic at once.
      await traffic.apply(slotServers(layout, { [target]: { weight: 100, version: ctx.version } }), ctx.io);
      await ctx.switched(traffic.where, { [ctx.version]: 100 });
      for (const weight of weights) {
        await ctx.stage(
          stageOf(weight),
          'passed',
          `no version was live before: all traffic went to ${ctx.version} at once`,
        );
      }
    } else {
      for (const weight of weights) {
        await runStage(ctx, stageOf(weight), `${weight} % to ${ctx.version}`, async () => {
          const servers = slotServers(layout, {
            [target]: { weight, version: ctx.version },
            [live]: { weight: 100 - weight, version: previous },
          });
          await traffic.apply(servers, ctx.io);
          await ctx.switched(
            traffic.where,
            weightsByVersion([
              [ctx.version, weight],
              [previous, 100 - weight],
            ]),
          );
          if (weight < 100) await ctx.analyse(analysis, `canary ${weight}%`);
        });
      }
    }
  } finally {
    ctx.cutover('after');
  }

  const kept = live ? `; ${describeSlot(layout, live, previous)} kept at 0 % for an instant switch-back` : '';
  return {
    weights: { [ctx.version]: 100 },
    detail: `${newText} serves all traffic via ${traffic.where} after ${weights.join(' → ')} %${kept}`,
  };
}
