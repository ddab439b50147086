import { randomUUID } from 'node:crypto';
import type { EventName, EventPayloadOf } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { EndCode, FollowInfo } from '../../../shared/api/schemas/log-sources';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import { createRedactor } from '../../../shared/runs/redact';
import type { Logger } from '../ports';
import { sshConfigOf } from '../run/target-hosts';
import { followContainer } from './follow-container';
import { followLocalCommand } from './follow-local-command';
import { followSshCommand } from './follow-ssh-command';
import { type Follower, type OnSourceLine, type SourceEnd, startFailure } from './follower';
import { createLineBatcher, type LineBatcher } from './line-batcher';
import { type ResolvedSource, sourceLabel } from './resolve-source';
import { programOf, sourceArgv } from './source-commands';

// Every followed log source of the engine, shared by all windows like runs are: each window shows
// them all, and one removed in a window is gone from every window. A window keeps the follows it
// shows alive (`logs:keepalive`); the engine cannot see a window close, so a follow nobody has
// renewed for ten minutes is stopped, and every follow is stopped when the engine closes.

export interface FollowRegistryDeps {
  logger: Logger;
  emit<E extends EventName>(name: E, payload: EventPayloadOf<E>): void;
  /** Values masked in every line (the secrets this host knows). */
  secretValues(): Promise<string[]>;
  idleMs?: number;
  sweepMs?: number;
  batchMs?: number;
  connectTimeoutMs?: number;
  /** How long a started source may still fail and fail the request itself (default 300 ms). */
  settleMs?: number;
  now?(): number;
}

export interface FollowTarget {
  projectId: string;
  projectRoot: string;
  environment: NamedEnvironment;
  source: ResolvedSource;
}

export interface FollowRegistry {
  /** Resolves once the source streams; rejects (naming host and cause) when it cannot start. */
  follow(target: FollowTarget): Promise<FollowInfo>;
  /** Stops a follow; resolves with its last state once its process is gone. */
  unfollow(followId: string): Promise<FollowInfo>;
  list(): FollowInfo[];
  /** Renews the given follows; answers which of them still follow. */
  keepalive(followIds: readonly string[]): string[];
  close(): Promise<void>;
}

export const idleLimitMs = 10 * 60_000;
const defaultSettleMs = 300;
const closeLimitMs = 5_000;

interface Entry {
  info: FollowInfo;
  follower: Follower;
  batcher: LineBatcher;
  lastSeen: number;
  stopping?: { code: EndCode; reason: string };
  finished?: Promise<FollowInfo>;
}

function stopReasons(idleMs: number): Record<'removed' | 'idle' | 'closed', string> {
  const idle = idleMs >= 60_000 ? `${Math.round(idleMs / 60_000)} minutes` : `${Math.round(idleMs / 1000)} seconds`;
  return {
    removed: 'removed from the Logs screen',
    idle: `no window has shown it for ${idle} (its window was closed); stopped`,
    closed: 'Release Pilot is shutting down',
  };
}

/** What the promise settles with, if it does within `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, waited]);
  } finally {
    clearTimeout(timer);
  }
}

function startError(error: unknown): ApiError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'container-not-found') return new ApiError('not-found', message);
  if (code === 'invalid-config' || code === 'invalid-command') return new ApiError('invalid-request', message);
  return new ApiError('unavailable', message);
}

export function createFollowRegistry(deps: FollowRegistryDeps): FollowRegistry {
  const now = deps.now ?? Date.now;
  const idleMs = deps.idleMs ?? idleLimitMs;
  const entries = new Map<string, Entry>();
  const reasons = stopReasons(idleMs);

  const uniqueLabel = (base: string): string => {
    const taken = new Set([...entries.values()].map((e) => e.info.label));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base} #${n}`)) return `${base} #${n}`;
  };

  const startFollower = (target: FollowTarget, onLine: OnSourceLine): Follower => {
    const { source, projectRoot } = target;
    const common = { logger: deps.logger, onLine, connectTimeoutMs: deps.connectTimeoutMs };
    if (source.kind === 'container') {
      const docker = source.docker;
      return followContainer({
        ...common,
        container: source.spec.container ?? '',
        docker: docker.via === 'ssh' ? { via: 'ssh', ssh: sshConfigOf(docker.host, projectRoot) } : docker,
      });
    }
    const argv = sourceArgv(source.spec);
    const program = programOf(source.spec);
    if (source.place.kind === 'local') return followLocalCommand({ argv, program, onLine });
    return followSshCommand({ ...common, ssh: sshConfigOf(source.place.host, projectRoot), argv, program });
  };

  // Run after the current task: the answer to `logs:follow` is sent in this one, so a window
  // always learns of a follow before it hears that it ended.
  const finish = (entry: Entry, end: SourceEnd): Promise<FollowInfo> =>
    new Promise((resolve) =>
      setImmediate(() => {
        const code: EndCode = entry.stopping?.code ?? (end.code === 'stopped' ? 'removed' : end.code);
        const reason = entry.stopping?.reason ?? end.reason;
        entry.batcher.add('info', `Ended: ${reason}`);
        entry.batcher.close();
        entries.delete(entry.info.followId);
        entry.info = { ...entry.info, state: 'ended', code, reason };
        deps.emit('logs:ended', { followId: entry.info.followId, label: entry.info.label, code, reason });
        deps.logger.info('log source ended', { followId: entry.info.followId, label: entry.info.label, code, reason });
        resolve(entry.info);
      }),
    );

  const stop = (entry: Entry, code: 'removed' | 'idle' | 'closed'): Promise<FollowInfo> => {
    entry.stopping ??= { code, reason: reasons[code] };
    const stopped = entry.follower.stop();
    // Still starting: its `logs:follow` call rejects; there is no end to announce.
    return entry.finished ?? stopped.then(() => entry.info);
  };

  const sweep = setInterval(() => {
    for (const entry of entries.values()) if (now() - entry.lastSeen > idleMs) void stop(entry, 'idle');
  }, deps.sweepMs ?? 60_000);
  sweep.unref();

  return {
    async follow(target) {
      const followId = `follow-${randomUUID()}`;
      const label = uniqueLabel(sourceLabel(target.source.spec));
      const redact = createRedactor(await deps.secretValues());
      const batcher = createLineBatcher({
        intervalMs: deps.batchMs,
        redact,
        send: (batches) => {
          for (const batch of batches) deps.emit('logs:line', { followId, label, ...batch });
        },
      });
      const info: FollowInfo = {
        followId,
        label,
        projectId: target.projectId,
        environment: target.environment.name,
        source: target.source.spec,
        startedAt: new Date(now()).toISOString(),
        state: 'following',
      };
      const follower = startFollower(target, (stream, line) => batcher.add(stream, line));
      const entry: Entry = { info, follower, batcher, lastSeen: now() };
      entries.set(followId, entry);
      try {
        await follower.started;
        // A command that fails at once (journalctl not installed, permission denied) fails the
        // request, where the dialog shows it beside what was typed. A clean end does not: a stopped
        // container's last lines are exactly what someone wants to read.
        const early = await within(follower.ended, deps.settleMs ?? defaultSettleMs);
        if (early?.code === 'failed') throw startFailure(early);
      } catch (error) {
        entries.delete(followId);
        batcher.cancel();
        throw startError(error);
      }
      entry.finished = follower.ended.then((end) => finish(entry, end));
      deps.logger.info('log source followed', { followId, label, environment: info.environment });
      return { ...info };
    },
    async unfollow(followId) {
      const entry = entries.get(followId);
      if (!entry) throw new ApiError('not-found', `no log source ${followId} is followed (it may have ended already)`);
      return stop(entry, 'removed');
    },
    list: () => [...entries.values()].filter((e) => e.finished).map((e) => ({ ...e.info })),
    keepalive(followIds) {
      const following: string[] = [];
      for (const id of followIds) {
        const entry = entries.get(id);
        if (!entry) continue;
        entry.lastSeen = now();
        following.push(id);
      }
      return following;
    },
    async close() {
      clearInterval(sweep);
      // A host that went silent can hold its stop for a keepalive timeout; the app must still quit.
      await within(Promise.all([...entries.values()].map((entry) => stop(entry, 'closed'))), closeLimitMs);
    },
  };
}
