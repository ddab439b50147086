import type { ConnectionTest } from '../../../shared/api/schemas/environments';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import type { Logger } from '../ports';
import { sshConfigOf } from '../run/target-hosts';
import { createSshPool } from '../ssh/ssh-pool';
import { checkDocker } from './docker-check';
import { checkHost } from './host-check';
import { checkProxy } from './proxy-check';

// `environments:test`: every host over SSH (in parallel), then Docker (over those connections
// when docker.via is ssh) and the proxy's configuration test. Each check has its own time limit,
// so the whole test answers within about two limits however many hosts are silent.

export const defaultTestLimitMs = 8000;

export async function testEnvironmentConnection(options: {
  projectRoot: string;
  environment: NamedEnvironment;
  logger: Logger;
  limitMs?: number;
}): Promise<ConnectionTest> {
  const { environment, projectRoot } = options;
  const limitMs = options.limitMs ?? defaultTestLimitMs;
  const started = Date.now();
  const pool = createSshPool({ logger: options.logger, connectTimeoutMs: limitMs });
  try {
    const hosts = await Promise.all(environment.hosts.map((host) => checkHost(host, projectRoot, pool, limitMs)));
    const connection = (name: string) => {
      const host = environment.hosts.find((h) => h.name === name);
      if (!host) return Promise.reject(new Error(`proxy.host "${name}" is not a host of ${environment.name}`));
      return pool.connection(sshConfigOf(host, projectRoot));
    };
    const [docker, proxy] = await Promise.all([
      checkDocker(
        environment.docker,
        hosts.map((h) => ({
          name: h.check.host,
          label: h.check.label,
          connection: h.connection,
          error: h.check.error,
        })),
        limitMs,
      ),
      environment.proxy ? checkProxy(environment.proxy, connection, limitMs) : Promise.resolve(undefined),
    ]);
    return {
      environment: environment.name,
      hosts: hosts.map((h) => h.check),
      docker,
      ...(proxy ? { proxy } : {}),
      limitMs,
      ms: Date.now() - started,
    };
  } finally {
    // Not awaited: a connect still waiting on a silent host ends on its own timeout, after we answered.
    pool.close().catch(() => undefined);
  }
}
