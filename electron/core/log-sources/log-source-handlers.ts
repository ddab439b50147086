import type { EventName, EventPayloadOf } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { ApiHandlers } from '../../../shared/api/handlers';
import { environmentNamed, loadEnvironments } from '../environments/environment-named';
import type { Logger } from '../ports';
import { knownSecretValues } from '../report/run-report';
import type { SecretsPort } from '../secrets/secrets-port';
import { hostLabel } from '../ssh/ssh-errors';
import { createFollowRegistry, type FollowRegistryDeps } from './follow-registry';
import { LogSourceError, logTargets, resolveSource } from './resolve-source';

// The engine's `logs:*` handlers: what can be followed per environment, follow, unfollow, the
// list, and the keepalive a window sends for what it shows.

export interface LogSourcesDeps
  extends Partial<Pick<FollowRegistryDeps, 'idleMs' | 'sweepMs' | 'batchMs' | 'connectTimeoutMs'>> {
  logger: Logger;
  secrets: SecretsPort;
  /** The open project's folder; throws not-found for an unknown id. */
  projectRoot(projectId: string): string;
  emit<E extends EventName>(name: E, payload: EventPayloadOf<E>): void;
}

type Handlers = Pick<ApiHandlers, 'logs:targets' | 'logs:follow' | 'logs:unfollow' | 'logs:follows' | 'logs:keepalive'>;

export interface LogSources {
  handlers: Handlers;
  /** Stops every follow (engine shutdown). */
  close(): Promise<void>;
}

const fieldOf: Record<LogSourceError['code'], string> = {
  'unknown-host': 'source.host',
  'no-docker-host': 'source.host',
  'no-container': 'source.container',
};

export function createLogSources(deps: LogSourcesDeps): LogSources {
  const registry = createFollowRegistry({
    ...deps,
    logger: deps.logger.child({ part: 'log-sources' }),
    secretValues: () => knownSecretValues(deps.secrets),
  });
  return {
    handlers: {
      'logs:targets': async ({ projectId }) => {
        const environments = await loadEnvironments(deps.projectRoot(projectId));
        return Object.values(environments).map((environment) =>
          logTargets(environment, (host) =>
            hostLabel({ name: host.name, address: host.address ?? host.alias ?? '?', port: host.port }),
          ),
        );
      },
      'logs:follow': async ({ projectId, environment: name, source }) => {
        const projectRoot = deps.projectRoot(projectId);
        const environment = await environmentNamed(projectRoot, name);
        let resolved: ReturnType<typeof resolveSource>;
        try {
          resolved = resolveSource(environment, source);
        } catch (error) {
          if (!(error instanceof LogSourceError)) throw error;
          throw new ApiError('invalid-request', error.message, { ...error.details, field: fieldOf[error.code] });
        }
        return registry.follow({ projectId, projectRoot, environment, source: resolved });
      },
      'logs:unfollow': async ({ followId }) => registry.unfollow(followId),
      'logs:follows': async () => registry.list(),
      'logs:keepalive': async ({ followIds }) => ({ following: registry.keepalive(followIds) }),
    },
    close: () => registry.close(),
  };
}
