import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import type { TrafficSwitch } from '../deploy/deploy-strategy';
import { flagSwitchFor } from '../deploy/flags/flag-switch-for';
import { releaseHistoryFor } from '../deploy/history/release-history';
import { strategyNamed } from '../deploy/strategies/registry';
import { createTrafficSwitch } from '../deploy/traffic/create-traffic-switch';
import type { DeployTargets } from './deployment-session';
import type { RunToolsWithTarget } from './tool-runners';

// The environment's deployment machinery for one run: strategies by name, its proxy, its flag
// provider and its release history, all reaching hosts through the run's one SSH pool.

export function createDeployTargets(
  environment: NamedEnvironment,
  tools: RunToolsWithTarget,
  dataDir: string,
  runId: string,
): DeployTargets {
  const connection = (host: string) => tools.hosts.connection(host);
  let traffic: TrafficSwitch | undefined;
  return {
    // Built when a deploy first asks, so a misconfigured proxy fails that action, not the run's start.
    get traffic() {
      traffic ??= createTrafficSwitch(environment, { runId, connection });
      return traffic;
    },
    strategy: strategyNamed,
    docker: (host) => tools.hosts.docker(host),
    connection,
    flags: environment.deploy.flags && flagSwitchFor(environment.deploy.flags.provider, { connection }),
    history: releaseHistoryFor(environment, { dataDir, connection, scope: tools.historyScope }),
  };
}
