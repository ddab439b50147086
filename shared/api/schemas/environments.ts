import { z } from 'zod';
import type { NamedEnvironment } from '../../formats/environment-schema';
import { RunStatus } from '../../runs/run-event';
import { Id, Problem } from './common';
import { AlertCaveatSchema } from './run';

// The environments of a project as the dashboard and the Environments screen see them: what is
// live where and who holds the lock (`environments:status`), the environments file as text to edit
// and save only when it validates (`environments:read` / `environments:save`), and a connection
// test of one environment's hosts, Docker engines and proxy (`environments:test`).

export const EnvironmentRef = z
  .object({ projectId: Id, environment: z.string().min(1, 'name the environment to test') })
  .strict();

/** Where the live version was read: the target's release history, the app container's label, or this machine's runs. */
export const LiveSource = z.enum(['release history', 'container label', 'run history']);
export type LiveSource = z.infer<typeof LiveSource>;

export const LockHolder = z.object({
  holder: z.string(),
  runId: z.string(),
  at: z.string(),
  /** Older than the environment's staleLockAfter: probably a run that died; broken only by an explicit decision. */
  stale: z.boolean(),
  /** "web-1:.release-pilot/locks/production.lock", as runs journal it. */
  where: z.string(),
});
export type LockHolder = z.infer<typeof LockHolder>;

export const EnvironmentStatus = z.object({
  environment: z.string(),
  protected: z.boolean(),
  liveVersion: z.string().optional(),
  liveSource: LiveSource.optional(),
  lock: LockHolder.optional(),
  /** False when the lock's place could not be read (host away): no `lock` then means "unknown", not "free". */
  lockChecked: z.boolean(),
  /** The newest finished run of this project on this environment. */
  lastRun: z
    .object({
      runId: Id,
      version: z.string(),
      status: RunStatus,
      endedAt: z.string().optional(),
      caveat: AlertCaveatSchema.optional(),
    })
    .optional(),
  /** A run with no end recorded that no process drives: left open by a crash, to resume or close. */
  openRun: z
    .object({
      runId: Id,
      version: z.string(),
      startedAt: z.string().optional(),
      operator: z.string().optional(),
      /** Its host stopped it at a safe point (not a crash): when, by whom and why. */
      interrupted: z.object({ at: z.string(), by: z.string(), reason: z.string() }).optional(),
    })
    .optional(),
  /** A run this app is driving right now. */
  activeRun: z.object({ runId: Id, version: z.string() }).optional(),
  /** What could not be read, each naming the host or file and the cause ("unreachable: web-1 (…): connection refused"). */
  warnings: z.array(z.string()),
  /** How long finding this out took, in milliseconds. */
  ms: z.number().min(0),
});
export type EnvironmentStatus = z.infer<typeof EnvironmentStatus>;

export const EnvironmentsFileText = z.object({
  /** Absolute path on the engine's machine. */
  path: z.string(),
  /** As problems name it: `.release-pilot/environments.yml`. */
  file: z.string(),
  exists: z.boolean(),
  text: z.string(),
  /** sha256 (hex) of the text; give it back when saving so a file changed meanwhile is not overwritten. */
  digest: z.string(),
  /** The file as validated (defaults filled in), when it has no errors. */
  environments: z.array(z.custom<NamedEnvironment>()).optional(),
  problems: z.array(Problem),
});
export type EnvironmentsFileText = z.infer<typeof EnvironmentsFileText>;

export const SaveEnvironmentsRequest = z
  .object({
    projectId: Id,
    text: z.string().max(1_000_000, 'the environments file is limited to 1 MB'),
    /** The digest the editor started from; omitted: save whatever is on disk now. */
    baseDigest: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .strict();

export const SaveEnvironmentsResult = z.object({
  /** False when the text has errors: the file on disk is then untouched. */
  saved: z.boolean(),
  path: z.string(),
  file: z.string(),
  /** Every error and warning, each at line:column of the text. */
  problems: z.array(Problem),
  /** Where the previous file was copied (`environments.yml.bak`), when there was one. */
  backup: z.string().optional(),
  /** The digest of what is on disk after the call. */
  digest: z.string(),
});
export type SaveEnvironmentsResult = z.infer<typeof SaveEnvironmentsResult>;

export const HostCheck = z.object({
  host: z.string(),
  /** "web-1 (10.0.0.5:22)" */
  label: z.string(),
  user: z.string().optional(),
  /** Logged in over SSH. */
  reachable: z.boolean(),
  ms: z.number().min(0).optional(),
  /** The host key the server presented, as `ssh-keygen -lf` prints it. */
  fingerprint: z.string().optional(),
  /** How the key is pinned: a fingerprint in the file, a known_hosts file, or an ~/.ssh/config alias. */
  pinning: z.enum(['hostKey', 'knownHosts', 'alias', 'none']),
  /** The fingerprints the pinning accepts (known_hosts: one per entry). */
  expected: z.array(z.string()),
  /** Undefined when the key could not be seen or compared. */
  keyMatches: z.boolean().optional(),
  /** Names the host and the cause. */
  error: z.string().optional(),
  code: z.string().optional(),
});
export type HostCheck = z.infer<typeof HostCheck>;

export const DockerCheck = z.object({
  /** `local` or a host name. */
  target: z.string(),
  /** "local socket /var/run/docker.sock", "docker on web-1 over SSH". */
  label: z.string(),
  ok: z.boolean(),
  version: z.string().optional(),
  apiVersion: z.string().optional(),
  platform: z.string().optional(),
  ms: z.number().min(0).optional(),
  error: z.string().optional(),
});
export type DockerCheck = z.infer<typeof DockerCheck>;

export const ProxyCheck = z.object({
  /** "this machine" or the proxy host's name. */
  where: z.string(),
  argv: z.array(z.string()),
  ok: z.boolean(),
  exitCode: z.number().int().nullable().optional(),
  /** What the test printed (nginx -t writes to stderr), last lines first kept. */
  output: z.array(z.string()),
  ms: z.number().min(0).optional(),
  error: z.string().optional(),
});
export type ProxyCheck = z.infer<typeof ProxyCheck>;

export const ConnectionTest = z.object({
  environment: z.string(),
  hosts: z.array(HostCheck),
  docker: z.array(DockerCheck),
  /** Absent when the environment names no proxy. */
  proxy: ProxyCheck.optional(),
  /** Each check's time limit, in milliseconds. */
  limitMs: z.number(),
  ms: z.number().min(0),
});
export type ConnectionTest = z.infer<typeof ConnectionTest>;
