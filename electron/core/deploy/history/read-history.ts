import type { Logger } from '../../ports';
import { loadRunTarget } from '../../run/run-target';
import { createRunTools } from '../../run/tool-runners';
import type { ReleaseEntry } from '../deploy-strategy';
import { liveRelease, previousRelease } from './previous-release';
import { releaseHistoryFor } from './release-history';

// An environment's release history as `release-pilot releases` and `rollback` read it: from the
// target itself (the first host over SSH, or this machine), so it is the same for every laptop.

export interface EnvironmentReleases {
  environment: string;
  where: string;
  /** Newest first. */
  entries: ReleaseEntry[];
  live?: ReleaseEntry;
}

export async function readEnvironmentReleases(options: {
  projectRoot: string;
  environment: string;
  dataDir: string;
  logger: Logger;
}): Promise<EnvironmentReleases> {
  const target = await loadRunTarget(options.projectRoot, options.environment);
  const tools = createRunTools({
    projectRoot: options.projectRoot,
    environment: target.environment,
    logger: options.logger,
    dataDir: options.dataDir,
    project: target.project,
  });
  try {
    const history = releaseHistoryFor(target.environment, {
      dataDir: options.dataDir,
      connection: (host) => tools.hosts.connection(host),
      scope: tools.historyScope,
    });
    const entries = await history.list({ signal: AbortSignal.timeout(30_000), output() {} });
    return { environment: target.environment.name, where: history.where, entries, live: liveRelease(entries) };
  } finally {
    await tools.close();
  }
}

/** The version a rollback returns to: the release live before the current one, or the one chosen. */
export function rollbackTarget(releases: EnvironmentReleases, chosen?: string): ReleaseEntry | undefined {
  const current = releases.live?.version;
  if (chosen === undefined && current === undefined) return undefined;
  return previousRelease(releases.entries, current ?? '', { chosen });
}
