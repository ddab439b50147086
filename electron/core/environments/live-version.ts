import type { LiveSource } from '../../../shared/api/schemas/environments';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import type { HistoryScope } from '../deploy/history/history-scope';
import { liveRelease } from '../deploy/history/previous-release';
import { releaseHistoryFor } from '../deploy/history/release-history';
import type { TargetHosts } from '../run/target-hosts';
import { messageOf } from './time-box';

// What version users get on an environment, and where that was read. The same order as the run
// engine's liveVersion (run/tool-runners.ts): the target's release history knows best (it also
// knows what a rollback put back), then the app container's version label, then this machine's
// runs. The source is shown, because "the runs say v1.2" is weaker than "the target says v1.2".

export interface LiveVersion {
  version: string;
  source: LiveSource;
}

export interface LiveVersionOptions {
  environment: NamedEnvironment;
  hosts: TargetHosts;
  dataDir: string;
  /** Whose history: one data folder or host can keep several projects' `staging`. */
  scope: HistoryScope;
  signal: AbortSignal;
  /** The first host could not be reached: skip what lives there. */
  hostDown: boolean;
  /** What the runs left live (project-runs.ts), the last resort. */
  deployedVersion?: string;
  /** Wraps each remote look-up in the caller's time limit. */
  box<T>(work: Promise<T>, what: string): Promise<T>;
  warn(message: string): void;
}

export async function readLiveVersion(options: LiveVersionOptions): Promise<LiveVersion | undefined> {
  const { environment, hosts, hostDown, box, warn } = options;
  const remote = environment.hosts.length > 0;
  if (!(remote && hostDown)) {
    try {
      const history = releaseHistoryFor(environment, {
        dataDir: options.dataDir,
        connection: (host) => hosts.connection(host),
        scope: options.scope,
      });
      const entries = await box(
        history.list({ signal: options.signal, output() {} }),
        `release history ${history.where}`,
      );
      const live = liveRelease(entries);
      if (live) return { version: live.version, source: 'release history' };
    } catch (error) {
      warn(messageOf(error));
    }
  }
  const container = environment.app?.container;
  const viaSsh = environment.docker.via === 'ssh';
  if (container && !(viaSsh && hostDown)) {
    const target = viaSsh ? environment.hosts[0]?.name : 'local';
    try {
      const version = target
        ? await box(
            hosts.docker(target).then((docker) => docker.inspectVersion(container)),
            `Docker on ${target === 'local' ? 'this machine' : target}`,
          )
        : undefined;
      if (version) return { version, source: 'container label' };
    } catch (error) {
      // No container yet is normal before the first deploy; an engine that does not answer is worth saying.
      if ((error as { code?: unknown }).code !== 'container-not-found') warn(messageOf(error));
    }
  }
  return options.deployedVersion ? { version: options.deployedVersion, source: 'run history' } : undefined;
}
