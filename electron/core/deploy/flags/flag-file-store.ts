import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SshConnection } from '../../ssh/ssh-connection';
import { exec } from '../../ssh/ssh-exec';
import { upload } from '../../ssh/ssh-upload';
import { FlagError } from './flag-error';

// A flag file's bytes on this machine or on a host over SSH. Writes go to a temporary file beside
// it and are renamed into place, so the app reading the flags never sees half a file.

export interface FlagFileStore {
  /** "host-1 (127.0.0.1:2201):/srv/app/flags.json" or the local path: names the file in errors. */
  readonly where: string;
  read(signal?: AbortSignal): Promise<string | undefined>;
  write(text: string, signal?: AbortSignal): Promise<void>;
}

export function localFlagFile(path: string): FlagFileStore {
  const where = `${path} on this machine`;
  return {
    where,
    async read() {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new FlagError('flag-file-unreadable', `flag file ${where}: ${(error as Error).message}`, { path });
      }
    },
    async write(text) {
      const temporary = `${path}.rp-${randomBytes(4).toString('hex')}`;
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(temporary, text, { mode: 0o644 });
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw new FlagError('flag-file-write-failed', `flag file ${where}: ${(error as Error).message}`, { path });
      }
    },
  };
}

// Exit 3: no file yet, told apart from a read that failed.
const readScript = 'if [ -e "$1" ]; then exec cat -- "$1"; else exit 3; fi';

export function sshFlagFile(host: string, path: string, connect: () => Promise<SshConnection>): FlagFileStore {
  const where = `${path} on ${host}`;
  const connection = async () =>
    connect().catch((error: unknown) => {
      throw new FlagError('flag-provider-unreachable', `flag file ${where}: ${(error as Error).message}`, {
        host,
        path,
      });
    });
  return {
    where,
    async read(signal) {
      const conn = await connection();
      let text = '';
      const result = await exec(conn, ['sh', '-c', readScript, 'rp-flags', path], {
        signal,
        onStdout: (chunk) => {
          text += chunk;
        },
      }).catch((error: unknown) => {
        throw new FlagError('flag-provider-unreachable', `flag file ${where}: ${(error as Error).message}`, {
          host,
          path,
        });
      });
      if (result.exitCode === 3) return undefined;
      if (result.exitCode !== 0) {
        const why = result.stderrTail.trim() || `exit ${result.exitCode}`;
        throw new FlagError('flag-file-unreadable', `flag file ${where}: cannot read it: ${why}`, { host, path });
      }
      return text;
    },
    async write(text) {
      const conn = await connection();
      await upload(conn, { data: text }, path, { mode: 0o644 }).catch((error: unknown) => {
        throw new FlagError('flag-file-write-failed', `flag file ${where}: ${(error as Error).message}`, {
          host,
          path,
        });
      });
    },
  };
}
