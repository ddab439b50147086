import { isAbsolute, join } from 'node:path';
import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import type { ToolIO } from '../../run/run-tools';
import type { SshConnection } from '../../ssh/ssh-connection';
import type { ReleaseEntry, ReleaseHistory } from '../deploy-strategy';
import { type HistoryStore, localHistoryStore, sshHistoryStore } from './history-store';
import { liveRelease } from './previous-release';
import { formatReleaseLine, parseReleaseLines } from './release-lines';

// The release history of one environment, kept on the target so that any laptop rolling back
// finds the same answer. A damaged line never hides the rest of the history: it is skipped and
// said once, so a rollback still knows what was live.

export interface ReleaseHistoryOptions {
  store: HistoryStore;
  /** The host the file is on, for io.output; undefined for this machine. */
  host?: string;
}

export function createReleaseHistory(options: ReleaseHistoryOptions): ReleaseHistory {
  const { store, host } = options;
  const reported = new Set<string>();
  const read = async (io: ToolIO): Promise<ReleaseEntry[]> => {
    const text = (await store.read(io.signal)) ?? '';
    const parsed = parseReleaseLines(text);
    const problems: string[] = [];
    if (parsed.malformed.length > 0) {
      problems.push(`skipped malformed line${parsed.malformed.length > 1 ? 's' : ''} ${parsed.malformed.join(', ')}`);
    }
    if (parsed.torn) problems.push('ignored an incomplete last line (a write cut short)');
    const message = problems.join('; ');
    if (message && !reported.has(message)) {
      reported.add(message);
      io.output(host, 'stderr', `release history ${store.where}: ${message}`);
    }
    return parsed.entries.reverse();
  };
  return {
    where: store.where,
    list: read,
    live: async (io) => liveRelease(await read(io)),
    async append(entry, io) {
      await store.append(formatReleaseLine(entry), io.signal);
    },
  };
}

/**
 * environment.deploy.historyFile, else /var/lib/release-pilot/<env>/releases.ndjson on the first
 * host, else <dataDir>/targets/<env>/releases.ndjson on this machine.
 */
export function releaseHistoryPath(environment: NamedEnvironment, dataDir: string): string {
  if (environment.deploy.historyFile) return environment.deploy.historyFile;
  // Relative to the login's home on the host, like the deploy lock: no root needed.
  if (environment.hosts.length > 0) return `.release-pilot/history/${environment.name}.ndjson`;
  return join(dataDir, 'targets', environment.name, 'releases.ndjson');
}

/** The history where releaseHistoryPath says: over SSH on the first host, or on this machine. */
export function releaseHistoryFor(
  environment: NamedEnvironment,
  options: { dataDir: string; connection(host: string): Promise<SshConnection>; path?: string },
): ReleaseHistory {
  const path = options.path ?? releaseHistoryPath(environment, options.dataDir);
  const first = environment.hosts[0];
  if (!first) {
    // On this machine a relative path would depend on where the app was started: the data folder anchors it.
    const local = isAbsolute(path) ? path : join(options.dataDir, 'targets', path);
    return createReleaseHistory({ store: localHistoryStore(local) });
  }
  return createReleaseHistory({
    store: sshHistoryStore(first.name, path, () => options.connection(first.name)),
    host: first.name,
  });
}
