import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import type { SshConnection } from '../../ssh/ssh-connection';
import type { TrafficSwitch } from '../deploy-strategy';
import { createNginxSwitch } from './nginx-switch';
import { createLocalProxyRunner } from './proxy-runner';
import { createSshProxyRunner } from './ssh-proxy-runner';
import { TrafficError } from './traffic-error';

export interface TrafficSwitchDeps {
  runId: string;
  /** The run's SSH connection to a host of the environment (TargetHosts.connection). */
  connection(host: string): Promise<SshConnection>;
  now?: () => Date;
}

/**
 * The environment's traffic switch, as the engine puts it into a StrategyContext; undefined when the
 * environment names no proxy (strategies that need one say so themselves).
 */
export function createTrafficSwitch(environment: NamedEnvironment, deps: TrafficSwitchDeps): TrafficSwitch | undefined {
  const proxy = environment.proxy;
  if (!proxy) return undefined;
  const host = proxy.host;
  if (host !== undefined && !environment.hosts.some((h) => h.name === host)) {
    throw new TrafficError(
      'proxy-unreachable',
      `environment "${environment.name}": proxy.host "${host}" is not one of its hosts (${environment.hosts.map((h) => h.name).join(', ') || 'none'})`,
      { host },
    );
  }
  const runner =
    host === undefined ? createLocalProxyRunner() : createSshProxyRunner(host, () => deps.connection(host));
  return createNginxSwitch(proxy, runner, { runId: deps.runId, now: deps.now });
}
