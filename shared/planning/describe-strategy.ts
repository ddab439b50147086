import { formatDuration } from '../formats/duration';
import type { NamedEnvironment } from '../formats/environment-schema';

// A strategy in one paragraph, from the environment's `deploy:` and `proxy:` settings, for the
// plan. The stages per host come from the strategy itself when the caller has it; this says what
// will happen either way, and what is missing for the strategy to run at all.

export interface StrategySummary {
  summary: string;
  problems: string[];
}

function proxyWhere(env: NamedEnvironment): string | undefined {
  if (!env.proxy) return undefined;
  return `nginx${env.proxy.host ? ` on ${env.proxy.host}` : ' on this machine'} (${env.proxy.upstreamFile})`;
}

export function describeStrategy(strategy: string, env: NamedEnvironment): StrategySummary {
  const deploy = env.deploy;
  const health = `health-checked for up to ${formatDuration(deploy.healthTimeout)}`;
  const proxy = proxyWhere(env);
  const needsProxy = proxy ? [] : [`${strategy} switches traffic through a proxy: give ${env.name} a proxy: section`];
  switch (strategy) {
    case 'blue-green': {
      const slots = deploy.slots ? ` (slots: blue :${deploy.slots.blue}, green :${deploy.slots.green})` : '';
      return {
        summary: `Start the new version beside the old one${slots}, ${health}, then switch ${proxy ?? 'the proxy'} to it. The old version keeps running for an instant switch-back.`,
        problems: needsProxy,
      };
    }
    case 'canary':
      return {
        summary: `Start the new version beside the old one, ${health}, then send it ${deploy.canary.weights.join(' → ')} % of traffic through ${proxy ?? 'the proxy'}, watching ${formatDuration(deploy.canary.analysis)} at each weight.`,
        problems: needsProxy,
      };
    case 'rolling': {
      const { batchSize, maxUnavailable } = deploy.rolling;
      const batch = Math.min(batchSize, maxUnavailable ?? batchSize);
      return {
        summary: `Replace the app on ${env.hosts.length} host(s) in batches of ${batch}${maxUnavailable ? ` (at most ${maxUnavailable} out of service)` : ''}, each batch ${health}; a failed batch stops the rollout and is undone.`,
        problems: env.hosts.length === 0 ? [`rolling works host by host: ${env.name} has no hosts`] : [],
      };
    }
    case 'feature-flags': {
      const flags = deploy.flags;
      if (!flags)
        return {
          summary: 'Turn a feature flag on in steps.',
          problems: [`feature-flags needs deploy.flags (provider, flag) in ${env.name}`],
        };
      return {
        summary: `Turn flag "${flags.flag}" on for ${flags.steps.join(' → ')} % of users (${flags.provider.kind} provider), watching ${formatDuration(flags.analysis)} at each step; turning it off is the rollback.`,
        problems: [],
      };
    }
    case 'swarm': {
      const swarm = deploy.swarm;
      if (!swarm)
        return {
          summary: 'Update a Docker Swarm service.',
          problems: [`swarm needs deploy.swarm.service in ${env.name}`],
        };
      return {
        summary: `docker service update of "${swarm.service}": ${swarm.parallelism || 'all'} task(s) at a time, ${formatDuration(swarm.delay)} apart, each watched ${formatDuration(swarm.monitor)}; on failure: ${swarm.failureAction}.`,
        problems: [],
      };
    }
    case 'recreate':
      return {
        summary: `Stop the old version, then start the new one, ${health}. Users see downtime between the two; it is measured and reported.`,
        problems: [],
      };
    default:
      return { summary: `Strategy "${strategy}".`, problems: [`unknown strategy "${strategy}"`] };
  }
}
