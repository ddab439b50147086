import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SshConnection } from '../ssh/ssh-connection';
import { exec } from '../ssh/ssh-exec';

// The deploy lock lives on the target, as Kamal's does: a directory created atomically (mkdir
// fails if it exists) holding who took it, for which run, and when. Two laptops deploying the same
// environment therefore meet at the same place. Locally (no hosts) the target is this machine.

export interface LockInfo {
  holder: string;
  runId: string;
  at: string;
}

export interface LockSite {
  /** "web-1:.release-pilot/locks/production.lock" — shown to people and journaled. */
  where: string;
  /** Creates the lock; returns the current holder instead when it exists. */
  tryCreate(info: LockInfo): Promise<{ ok: true } | { ok: false; holder?: LockInfo }>;
  remove(): Promise<void>;
}

function parseInfo(text: string): LockInfo | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.holder === 'string' && typeof value.runId === 'string' && typeof value.at === 'string') {
      return { holder: value.holder, runId: value.runId, at: value.at };
    }
  } catch {
    // An unreadable info file still means the lock is held; the caller reports it as unknown.
  }
  return undefined;
}

/**
 * Who holds the lock of `environment` under `dir` on this machine: undefined when it is free,
 * `{}` when it is held but its info cannot be read (still held).
 */
export async function readLocalLock(dir: string, environment: string): Promise<Partial<LockInfo> | undefined> {
  const text = await readFile(join(dir, `${environment}.lock`, 'info.json'), 'utf8').catch(
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : ''),
  );
  if (text === undefined) return undefined;
  return parseInfo(text) ?? {};
}

export function localLockSite(dir: string, environment: string): LockSite {
  const lockDir = join(dir, `${environment}.lock`);
  const infoFile = join(lockDir, 'info.json');
  return {
    where: lockDir,
    async tryCreate(info) {
      await mkdir(dir, { recursive: true });
      try {
        await mkdir(lockDir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const text = await readFile(infoFile, 'utf8').catch(() => '');
        return { ok: false, holder: parseInfo(text) };
      }
      await writeFile(infoFile, JSON.stringify(info));
      return { ok: true };
    },
    async remove() {
      await rm(lockDir, { recursive: true, force: true });
    },
  };
}

export function remoteLockSite(
  connection: () => Promise<SshConnection>,
  hostName: string,
  dir: string,
  environment: string,
): LockSite {
  const lockDir = `${dir.replace(/\/$/, '')}/${environment}.lock`;
  return {
    where: `${hostName}:${lockDir}`,
    async tryCreate(info) {
      const conn = await connection();
      // One command that says what happened on stdout, so the answer never rests on an exit
      // status alone; the info goes in as an argument, quoted by the SSH layer, never spliced.
      const script = [
        'mkdir -p "$1" || exit 3',
        'if mkdir "$2" 2>/dev/null; then printf %s "$3" > "$2/info.json" && echo rp-lock:acquired',
        'else echo rp-lock:held; cat "$2/info.json" 2>/dev/null; fi',
      ].join('\n');
      let out = '';
      const result = await exec(conn, ['sh', '-c', script, 'rp-lock', dir, lockDir, JSON.stringify(info)], {
        onStdout: (chunk) => {
          out += chunk;
        },
      });
      const [first = '', ...rest] = out.split('\n');
      if (first === 'rp-lock:acquired') return { ok: true };
      if (first === 'rp-lock:held') return { ok: false, holder: parseInfo(rest.join('\n')) };
      const why = result.stderrTail.trim() || `exit status ${result.exitCode}`;
      throw new Error(`could not take the deploy lock at ${hostName}:${lockDir}: ${why}`);
    },
    async remove() {
      const conn = await connection();
      await exec(conn, ['rm', '-rf', lockDir], { check: true });
    },
  };
}
