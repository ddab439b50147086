import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import type { LockInfo } from '../run/deploy-lock';
import type { SshConnection } from '../ssh/ssh-connection';
import { exec } from '../ssh/ssh-exec';

// Reads the deploy lock without touching it: the dashboard shows who holds an environment, and
// looking must never take, break or refresh the lock. The place is the one the run engine uses
// (run/tool-runners.ts lockSite): the first host's lockDir over SSH, or this machine's data folder.

export interface LockLocation {
  /** The host the lock lives on; undefined for this machine. */
  host?: string;
  /** The lock directory itself (`…/production.lock`). */
  dir: string;
  /** As runs journal it: `web-1:.release-pilot/locks/production.lock`, or the local path. */
  where: string;
}

export interface PeekedLock {
  where: string;
  /** Undefined when the lock exists but its info file is missing or unreadable (still held). */
  info?: LockInfo;
}

export function lockLocation(environment: NamedEnvironment, dataDir: string): LockLocation {
  const primary = environment.hosts[0];
  if (!primary) {
    const dir = join(environment.lockDir ?? join(dataDir, 'locks'), `${environment.name}.lock`);
    return { dir, where: dir };
  }
  const base = (environment.lockDir ?? '.release-pilot/locks').replace(/\/$/, '');
  const dir = `${base}/${environment.name}.lock`;
  return { host: primary.name, dir, where: `${primary.name}:${dir}` };
}

export function parseLockInfo(text: string): LockInfo | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.holder === 'string' && typeof value.runId === 'string' && typeof value.at === 'string') {
      return { holder: value.holder, runId: value.runId, at: value.at };
    }
  } catch {
    // Held, but by someone the info file does not name: shown as an unknown holder.
  }
  return undefined;
}

/** The lock's holder, or undefined when the environment is not locked. */
export async function peekLock(
  location: LockLocation,
  connection: (host: string) => Promise<SshConnection>,
  signal?: AbortSignal,
): Promise<PeekedLock | undefined> {
  if (location.host === undefined) {
    const held = await stat(location.dir).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (!held) return undefined;
    const text = await readFile(join(location.dir, 'info.json'), 'utf8').catch(() => '');
    return { where: location.where, info: parseLockInfo(text) };
  }
  const conn = await connection(location.host);
  // One answer on stdout that says held or free; the path goes in as an argument, never spliced.
  const script = 'if [ -d "$1" ]; then echo rp-lock:held; cat "$1/info.json" 2>/dev/null; else echo rp-lock:free; fi';
  let out = '';
  const result = await exec(conn, ['sh', '-c', script, 'rp-lock-peek', location.dir], {
    signal,
    onStdout: (chunk) => {
      out += chunk;
    },
  });
  const [first = '', ...rest] = out.split('\n');
  if (first === 'rp-lock:free') return undefined;
  if (first === 'rp-lock:held') return { where: location.where, info: parseLockInfo(rest.join('\n')) };
  const why = result.stderrTail.trim() || `exit status ${result.exitCode}`;
  throw new Error(`${conn.label}: cannot read the deploy lock at ${location.dir}: ${why}`);
}
