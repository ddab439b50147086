import { z } from 'zod';
import { Id } from './common';

// Log sources beyond a run's action output (issue #5, Live logs): a container's logs, a file
// followed with `tail -F`, or a systemd unit's journal, on this machine or an environment's host
// over SSH. The engine follows each until it is removed, ends, or nobody has kept it alive for
// ten minutes (a closed window), and pushes its lines in batches (`logs:line`, at most one push
// per source and stream every 50 ms) and a last `logs:ended` naming why it stopped.

/** `local` is this machine (the engine's); anything else is a host of the environment. */
export const localHost = 'local';

const HostName = z.string().trim().min(1, 'name a host of the environment, or "local"').max(100);

export const ContainerSource = z
  .object({
    kind: z.literal('container'),
    /** Omitted: per the environment's `docker` (this machine's engine, or the first host's over SSH). */
    host: HostName.optional(),
    /** Omitted: the environment's `app.container`. */
    container: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, 'a container name or id, such as "shop-api"')
      .optional(),
  })
  .strict();

export const FileSource = z
  .object({
    kind: z.literal('file'),
    host: HostName,
    path: z
      .string()
      .trim()
      .startsWith('/', 'an absolute path, such as /var/log/nginx/error.log')
      .max(4096)
      .refine((path) => !/[\0\n\r]/.test(path), 'a path cannot hold NUL or line breaks'),
  })
  .strict();

export const JournalSource = z
  .object({
    kind: z.literal('journal'),
    host: HostName,
    unit: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.@:\\-]{1,256}$/, 'a systemd unit name, such as nginx.service')
      .refine((unit) => !unit.startsWith('-'), 'a unit name cannot start with "-"'),
  })
  .strict();

export const LogSourceSpec = z.discriminatedUnion('kind', [ContainerSource, FileSource, JournalSource]);
export type LogSourceSpec = z.infer<typeof LogSourceSpec>;
export type LogSourceKind = LogSourceSpec['kind'];

export const FollowRequest = z
  .object({ projectId: Id, environment: z.string().trim().min(1, 'choose an environment'), source: LogSourceSpec })
  .strict();

export const FollowState = z.enum(['following', 'ended']);

/** Why a follow stopped: removed by a person, nobody listening, the app closing, the source ending, a failure. */
export const EndCode = z.enum(['removed', 'idle', 'closed', 'exited', 'failed']);
export type EndCode = z.infer<typeof EndCode>;

export const FollowInfo = z.object({
  followId: Id,
  /** The source's name in the log view: `file:/var/log/app.log@web-1`, `docker:shop-api@local`, `journal:nginx@web-1`. */
  label: z.string(),
  projectId: Id,
  environment: z.string(),
  /** As followed: defaults filled in (host and container of a container source). */
  source: LogSourceSpec,
  startedAt: z.string(),
  state: FollowState,
  /** Set once ended: what stopped it, naming the host and the cause. */
  reason: z.string().optional(),
  code: EndCode.optional(),
});
export type FollowInfo = z.infer<typeof FollowInfo>;

export const FollowRef = z.object({ followId: Id }).strict();

/** Sent every minute or so by a window showing these follows; a follow nobody renews for 10 min is stopped. */
export const KeepaliveRequest = z.object({ followIds: z.array(Id).max(500) }).strict();
export const KeepaliveResult = z.object({ following: z.array(Id) });

export const LogTargetHost = z.object({ name: z.string(), label: z.string() });

/** What the add-source dialog offers for one environment, with its defaults. */
export const LogTargets = z.object({
  environment: z.string(),
  hosts: z.array(LogTargetHost),
  docker: z.object({
    via: z.enum(['local', 'env', 'ssh']),
    /** "local socket /var/run/docker.sock", "docker on each host over SSH". */
    label: z.string(),
    /** Allowed `host` values of a container source; the first is the default. */
    hosts: z.array(z.string()),
  }),
  /** The environment's `app.container`: a container source's default. */
  container: z.string().optional(),
});
export type LogTargets = z.infer<typeof LogTargets>;

/**
 * `logs:line`: consecutive lines of one source and stream, oldest first. `dropped` counts lines
 * the engine let go before this batch because the source wrote faster than a window can take.
 */
export const LogLinesPush = z.object({
  followId: Id,
  label: z.string(),
  stream: z.enum(['stdout', 'stderr', 'info']),
  lines: z.array(z.string()),
  dropped: z.number().int().min(0).optional(),
});
export type LogLinesPush = z.infer<typeof LogLinesPush>;

/** `logs:ended`: the last word of a follow; its lines stop here. */
export const LogEndedPush = z.object({ followId: Id, label: z.string(), code: EndCode, reason: z.string() });
export type LogEndedPush = z.infer<typeof LogEndedPush>;
