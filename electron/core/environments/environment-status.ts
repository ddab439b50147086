import { ApiError } from '../../../shared/api/errors';
import type { EnvironmentStatus } from '../../../shared/api/schemas/environments';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import { loadEnvironmentsFile } from '../formats/load-environments';
import { isRecord } from '../formats/yaml-source';
import type { Logger } from '../ports';
import { createTargetHosts } from '../run/target-hosts';
import { hostLabel } from '../ssh/ssh-errors';
import { readLiveVersion } from './live-version';
import { lockLocation, peekLock } from './lock-peek';
import { historyScopeOf, projectIdentity } from './project-identity';
import { environmentRuns, type ProjectRun, projectRuns } from './project-runs';
import { messageOf, timeBox } from './time-box';

// The dashboard's line per environment: live version, lock holder, last run, a run to resume.
// Environments are looked at in parallel and each gets one time limit for everything remote, so
// one dead host makes its own line say "unreachable: …" after a few seconds and holds up nothing.

export interface StatusOptions {
  projectRoot: string;
  dataDir: string;
  logger: Logger;
  /** True while this app drives the run. */
  isActive(runId: string): boolean;
  /** Per environment, for everything that goes over the network. */
  limitMs?: number;
}

export const defaultStatusLimitMs = 5000;

export async function projectEnvironmentStatus(options: StatusOptions): Promise<EnvironmentStatus[]> {
  const loaded = await loadEnvironmentsFile(options.projectRoot);
  if (loaded.missing) return [];
  const runs = await projectRuns(options.dataDir, options.projectRoot);
  if (loaded.environments) {
    const project = projectIdentity(options.projectRoot, loaded.project);
    return Promise.all(
      Object.values(loaded.environments).map((env) => environmentStatus(env, runs, { ...options, project })),
    );
  }
  // An invalid file still names its environments: show what the runs know, and say what to fix.
  const first = loaded.problems.find((p) => p.severity === 'error');
  const where = first ? `${first.file}${first.line ? `:${first.line}:${first.column ?? 1}` : ''}` : loaded.file;
  const warning = `${loaded.file} has errors, so hosts and locks cannot be read: first at ${where} — ${first?.message ?? 'invalid'}`;
  const raw = isRecord(loaded.raw) && isRecord(loaded.raw.environments) ? loaded.raw.environments : {};
  // Not even the names can be read (a syntax error): an empty list would read as "no environments".
  if (Object.keys(raw).length === 0) {
    throw new ApiError(
      'invalid-project',
      warning.replace('so hosts and locks cannot be read', 'so no environment can be read'),
      {
        problems: loaded.problems,
      },
    );
  }
  return Promise.all(
    Object.entries(raw).map(async ([name, env]) => {
      const started = Date.now();
      const fromRuns = await environmentRuns(runs, name, options.dataDir, options.isActive);
      return {
        ...runFields(fromRuns),
        environment: name,
        protected: isRecord(env) && env.protected === true,
        ...(fromRuns.deployedVersion
          ? { liveVersion: fromRuns.deployedVersion, liveSource: 'run history' as const }
          : {}),
        lockChecked: false,
        warnings: [warning],
        ms: Date.now() - started,
      };
    }),
  );
}

function runFields(runs: Awaited<ReturnType<typeof environmentRuns>>) {
  const { lastRun, openRun, activeRun } = runs;
  return {
    ...(lastRun
      ? {
          lastRun: {
            runId: lastRun.runId,
            version: lastRun.version,
            status: lastRun.status,
            endedAt: lastRun.endedAt,
            ...(lastRun.caveat ? { caveat: lastRun.caveat } : {}),
          },
        }
      : {}),
    ...(openRun
      ? {
          openRun: {
            runId: openRun.runId,
            version: openRun.version,
            startedAt: openRun.startedAt,
            operator: openRun.operator,
            interrupted: openRun.interrupted,
          },
        }
      : {}),
    ...(activeRun ? { activeRun: { runId: activeRun.runId, version: activeRun.version } } : {}),
  };
}

export async function environmentStatus(
  environment: NamedEnvironment,
  runs: readonly ProjectRun[],
  options: StatusOptions & { project: string },
): Promise<EnvironmentStatus> {
  const started = Date.now();
  const limitMs = options.limitMs ?? defaultStatusLimitMs;
  const remaining = () => Math.max(limitMs - (Date.now() - started), 1);
  const box = <T>(work: Promise<T>, what: string) => timeBox(work, remaining(), what);
  const warnings: string[] = [];
  const warn = (message: string) => {
    if (!warnings.includes(message)) warnings.push(message);
  };
  const controller = new AbortController();
  const fromRuns = await environmentRuns(runs, environment.name, options.dataDir, options.isActive);
  const hosts = createTargetHosts(environment, options.projectRoot, options.logger);
  try {
    // The first host holds the lock and the release history: reach it once, and say so if it is away.
    const primary = environment.hosts[0];
    let hostDown = false;
    if (primary) {
      const label = hostLabel({
        name: primary.name,
        address: primary.address ?? primary.alias ?? '?',
        port: primary.port,
      });
      await box(hosts.connection(primary.name), label).catch((error: unknown) => {
        hostDown = true;
        warn(`unreachable: ${messageOf(error)}`);
      });
    }
    const location = lockLocation(environment, options.dataDir);
    const [lock, live] = await Promise.all([
      hostDown
        ? Promise.resolve({ checked: false as const })
        : box(
            peekLock(location, (host) => hosts.connection(host), controller.signal),
            `deploy lock ${location.where}`,
          )
            .then((peeked) => ({ checked: true as const, peeked }))
            .catch((error: unknown) => {
              warn(messageOf(error));
              return { checked: false as const };
            }),
      readLiveVersion({
        environment,
        hosts,
        dataDir: options.dataDir,
        scope: historyScopeOf(options.projectRoot, options.project, options.dataDir),
        signal: controller.signal,
        hostDown,
        deployedVersion: fromRuns.deployedVersion,
        box,
        warn,
      }),
    ]);
    const peeked = lock.checked ? lock.peeked : undefined;
    const at = peeked?.info?.at;
    const age = at ? Date.now() - Date.parse(at) : Number.POSITIVE_INFINITY;
    return {
      ...runFields(fromRuns),
      environment: environment.name,
      protected: environment.protected,
      ...(live ? { liveVersion: live.version, liveSource: live.source } : {}),
      ...(peeked
        ? {
            lock: {
              holder: peeked.info?.holder ?? 'unknown (unreadable lock info)',
              runId: peeked.info?.runId ?? 'unknown',
              at: at ?? 'unknown',
              stale: age > environment.staleLockAfter,
              where: peeked.where,
            },
          }
        : {}),
      lockChecked: lock.checked,
      warnings,
      ms: Date.now() - started,
    };
  } finally {
    controller.abort();
    // Not awaited: a connect still waiting on a silent host ends on its own timeout, after we answered.
    hosts.close().catch(() => undefined);
  }
}
