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
  const infoFile = `${lockDir}/info.json`;
  return {
    where: `${hostName}:${lockDir}`,
    async tryCreate(info) {
      const conn = await connection();
      await exec(conn, ['mkdir', '-p', dir], { check: true });
      const made = await exec(conn, ['mkdir', lockDir]);
      if (made.exitCode !== 0) {
        let text = '';
        await exec(conn, ['cat', infoFile], { onStdout: (chunk) => (text += chunk) });
        return { ok: false, holder: parseInfo(text) };
      }
      // The info goes in as an argument, never spliced into a command: the SSH layer quotes argv.
      await exec(conn, ['sh', '-c', 'printf %s "$1" > "$2"', 'sh', JSON.stringify(info), infoFile], { check: true });
      return { ok: true };
    },
    async remove() {
      const conn = await connection();
      await exec(conn, ['rm', '-rf', lockDir], { check: true });
    },
  };
}
