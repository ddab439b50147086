import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import type { StrategyStage } from '../../../../shared/runs/run-events';
import type { DeployStrategy } from '../deploy-strategy';
import { createBlueGreenStrategy } from './blue-green';
import { createCanaryStrategy } from './canary';
import { createFeatureFlagStrategy } from './feature-flags';
import { createRecreateStrategy } from './recreate';
import { createRollingStrategy } from './rolling';
import { createSwarmStrategy } from './swarm';

// Every deployment strategy by the name runbooks and the start dialog use.

const makers: Record<string, () => DeployStrategy> = {
  'blue-green': createBlueGreenStrategy,
  canary: createCanaryStrategy,
  rolling: createRollingStrategy,
  recreate: createRecreateStrategy,
  'feature-flags': createFeatureFlagStrategy,
  swarm: () => createSwarmStrategy(),
};

export function strategyNamed(name: string): DeployStrategy {
  const make = makers[name];
  if (!make) throw new Error(`strategy "${name}" is not available (have: ${Object.keys(makers).join(', ')})`);
  return make();
}

/** The strategy's plan per host, or why it cannot be planned (missing slots, no proxy …). */
export function planStrategy(
  name: string,
  environment: NamedEnvironment,
  version: string,
  previousVersion: string | undefined,
): { stages: StrategyStage[] } | { problem: string } {
  try {
    return { stages: strategyNamed(name).plan(environment, version, previousVersion) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The strategy's plan per host, or undefined when it cannot be planned (shown as a problem elsewhere). */
export function strategyStages(
  name: string,
  environment: NamedEnvironment,
  version: string,
  previousVersion: string | undefined,
): StrategyStage[] | undefined {
  const planned = planStrategy(name, environment, version, previousVersion);
  return 'stages' in planned ? planned.stages : undefined;
}
