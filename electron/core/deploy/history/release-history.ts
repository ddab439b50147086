import { isAbsolute, join } from 'node:path';
import type { NamedEnvironment } from '../../../../shared/formats/environment-schema';
import type { ToolIO } from '../../run/run-tools';
import type { SshConnection } from '../../ssh/ssh-connection';
import type { ReleaseEntry, ReleaseHistory } from '../deploy-strategy';
import { type HistoryScope, projectSegment } from './history-scope';
import { type HistoryStore, localHistoryStore, sshHistoryStore } from './history-store';
import { liveRelease } from './previous-release';
import { formatReleaseLine, parseReleaseLines } from './release-lines';

// The release history of one project's environment, kept on the target so that any laptop rolling
// back finds the same answer. A damaged line never hides the rest of the history: it is skipped and
// said once, so a rollback still knows what was live.

export interface ReleaseHistoryOptions {
  store: HistoryStore;
  /** The host the file is on, for io.output; undefined for this machine. */
  host?: string;
  /**
   * The history file of this environment from before histories were kept per project, and how to
   * tell this project's entries in it. Read while the project's own file does not exist yet, and
   * copied into it (this project's entries only) by its first append.
   */
  legacy?: { store: HistoryStore; ownsRun(runId: string): Promise<boolean> };
}

export function createReleaseHistory(options: ReleaseHistoryOptions): ReleaseHistory {
  const { store, host, legacy } = options;
  const reported = new Set<string>();
  const say = (message: string, io: ToolIO) => {
    if (reported.has(message)) return;
    reported.add(message);
    io.output(host, 'stderr', message);
  };
  const parse = (text: string, where: string, io: ToolIO): ReleaseEntry[] => {
    const parsed = parseReleaseLines(text);
    const problems: string[] = [];
    if (parsed.malformed.length > 0) {
      problems.push(`skipped malformed line${parsed.malformed.length > 1 ? 's' : ''} ${parsed.malformed.join(', ')}`);
    }
    if (parsed.torn) problems.push('ignored an incomplete last line (a write cut short)');
    if (problems.length > 0) say(`release history ${where}: ${problems.join('; ')}`, io);
    return parsed.entries;
  };
  /** This project's entries of the unscoped file, oldest first; none when there is no such file. */
  const claimed = async (io: ToolIO): Promise<ReleaseEntry[]> => {
    if (!legacy) return [];
    const text = await legacy.store.read(io.signal);
    if (text === undefined) return [];
    const entries = parse(text, legacy.store.where, io);
    const owned = await Promise.all(entries.map((entry) => legacy.ownsRun(entry.runId)));
    const mine = entries.filter((_, i) => owned[i]);
    const others = entries.length - mine.length;
    say(
      `release history ${store.where} does not exist yet: read ${mine.length} of ${entries.length} entries of ${legacy.store.where} (kept before histories were per project)` +
        (others > 0 ? `; ${others} are not runs of this project on this machine, so they are left out` : ''),
      io,
    );
    return mine;
  };
  const read = async (io: ToolIO): Promise<ReleaseEntry[]> => {
    const text = await store.read(io.signal);
    const entries = text === undefined ? await claimed(io) : parse(text, store.where, io);
    return entries.reverse();
  };
  return {
    where: store.where,
    list: read,
    live: async (io) => liveRelease(await read(io)),
    async append(entry, io) {
      // The first entry of this project's own file carries over what it claimed of the old one,
      // so a rollback after the upgrade still finds the release before.
      const carried = legacy && (await store.read(io.signal)) === undefined ? await claimed(io) : [];
      await store.append([...carried, entry].map(formatReleaseLine).join(''), io.signal);
    },
  };
}

/**
 * environment.deploy.historyFile as given, else `.release-pilot/history/<project>/<env>.ndjson`
 * (from the login's home) on the first host, else `<dataDir>/targets/<project>/<env>/releases.ndjson`.
 */
export function releaseHistoryPath(environment: NamedEnvironment, dataDir: string, project: string): string {
  if (environment.deploy.historyFile) return environment.deploy.historyFile;
  const segment = projectSegment(project);
  // Relative to the login's home on the host, like the deploy lock: no root needed.
  if (environment.hosts.length > 0) return `.release-pilot/history/${segment}/${environment.name}.ndjson`;
  return join(dataDir, 'targets', segment, environment.name, 'releases.ndjson');
}

/** Where the history was before it was kept per project; undefined when the environment names its file. */
export function unscopedHistoryPath(environment: NamedEnvironment, dataDir: string): string | undefined {
  if (environment.deploy.historyFile) return undefined;
  if (environment.hosts.length > 0) return `.release-pilot/history/${environment.name}.ndjson`;
  return join(dataDir, 'targets', environment.name, 'releases.ndjson');
}

/** The history where releaseHistoryPath says: over SSH on the first host, or on this machine. */
export function releaseHistoryFor(
  environment: NamedEnvironment,
  options: {
    dataDir: string;
    connection(host: string): Promise<SshConnection>;
    scope: HistoryScope;
    path?: string;
  },
): ReleaseHistory {
  const path = options.path ?? releaseHistoryPath(environment, options.dataDir, options.scope.project);
  const old = options.path === undefined ? unscopedHistoryPath(environment, options.dataDir) : undefined;
  const first = environment.hosts[0];
  const ownsRun = (runId: string) => options.scope.ownsRun(runId);
  if (!first) {
    // On this machine a relative path would depend on where the app was started: the data folder anchors it.
    const local = isAbsolute(path) ? path : join(options.dataDir, 'targets', path);
    return createReleaseHistory({
      store: localHistoryStore(local),
      legacy: old ? { store: localHistoryStore(old), ownsRun } : undefined,
    });
  }
  const connect = () => options.connection(first.name);
  return createReleaseHistory({
    store: sshHistoryStore(first.name, path, connect),
    host: first.name,
    legacy: old ? { store: sshHistoryStore(first.name, old, connect), ownsRun } : undefined,
  });
}
