import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import type { StrategyStage } from '../../../../shared/runs/run-events';
import type { DeployStrategy, FlagSwitch, StrategyContext } from '../deploy-strategy';
import { StrategyError } from './rolling-errors';

// Feature flags: the new code is already on the hosts (the runbook's actions put it there) behind
// a flag. The flag goes to 0 first, so the deploy itself changes nothing users see, then up
// through the configured shares with an analysis window at each; revert turns it off.

function settingsOf(environment: NamedEnvironment) {
  const flags = environment.deploy.flags;
  if (!flags) {
    throw new StrategyError(
      'invalid-config',
      `environment ${environment.name}: the feature-flags strategy needs deploy.flags (provider, flag, steps)`,
      { field: 'deploy.flags' },
    );
  }
  return flags;
}

function switchOf(ctx: StrategyContext): FlagSwitch {
  if (!ctx.flags) {
    throw new StrategyError('invalid-config', `environment ${ctx.environment.name}: no flag provider was set up`, {
      field: 'deploy.flags.provider',
    });
  }
  return ctx.flags;
}

/** Weights by version: the flag's share goes to the new version, the rest to what ran before. */
function weightsAt(ctx: StrategyContext, percentage: number): Record<string, number> {
  const before = ctx.previousVersion ?? 'flag off';
  if (before === ctx.version) return { [ctx.version]: 100 };
  return { [ctx.version]: percentage, [before]: 100 - percentage };
}

const providerWhere = (environment: NamedEnvironment): string => {
  const provider = settingsOf(environment).provider;
  if (provider.kind === 'http') return `flag service ${provider.url}`;
  return `flag file ${provider.path} on ${provider.hosts?.join(', ') ?? 'this machine'}`;
};

export function createFeatureFlagStrategy(): DeployStrategy {
  return {
    name: 'feature-flags',
    // revert() turns the flag off: read it back, and see the errors it caused stop.
    revertCheck: (environment) => ({ kind: 'flag', flag: settingsOf(environment).flag, percentage: 0 }),
    plan(environment, version) {
      const flags = settingsOf(environment);
      const hosts = flags.provider.kind === 'file' ? (flags.provider.hosts ?? []) : [];
      const where = providerWhere(environment);
      const seconds = Math.round(flags.analysis / 1000);
      return [
        { id: 'flag-0', title: `Flag ${flags.flag} off in ${where} (${version} deployed dark)`, hosts, weight: 0 },
        ...flags.steps.map(
          (step): StrategyStage => ({
            id: `flag-${step}`,
            title: `Flag ${flags.flag} on for ${step} % of users, then watch ${seconds} s`,
            hosts,
            weight: step,
          }),
        ),
      ];
    },
    async deploy(ctx) {
      const flags = settingsOf(ctx.environment);
      const provider = switchOf(ctx);
      const set = async (percentage: number) => {
        await provider.set(flags.flag, percentage, ctx.io);
        await ctx.switched(provider.where, weightsAt(ctx, percentage));
      };
      await ctx.stage('flag-0', 'started');
      await set(0).catch(async (error: unknown) => {
        await ctx.stage('flag-0', 'failed', (error as Error).message);
        throw error;
      });
      await ctx.stage('flag-0', 'passed');
      ctx.cutover('during');
      for (const step of flags.steps) {
        const id = `flag-${step}`;
        await ctx.stage(id, 'started');
        try {
          await set(step);
          await ctx.analyse(flags.analysis, `flag ${flags.flag} at ${step} %`);
        } catch (error) {
          await ctx.stage(id, 'failed', (error as Error).message);
          throw error;
        }
        await ctx.stage(id, 'passed');
      }
      ctx.cutover('after');
      const last = flags.steps.at(-1) ?? 100;
      return { weights: weightsAt(ctx, last), detail: `flag ${flags.flag} on for ${last} % in ${provider.where}` };
    },
    async revert(ctx, reason) {
      const flags = settingsOf(ctx.environment);
      const provider = switchOf(ctx);
      await provider.set(flags.flag, 0, ctx.io);
      await ctx.switched(provider.where, weightsAt(ctx, 0));
      await ctx.stage('flag-0', 'reverted', reason);
      return { weights: weightsAt(ctx, 0), detail: `flag ${flags.flag} off in ${provider.where} (${reason})` };
    },
  };
}
