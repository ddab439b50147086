import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import type { SFTPWrapper } from 'ssh2';
import type { SshConnection } from './ssh-connection';
import { SshError } from './ssh-errors';
import { exec } from './ssh-exec';

export type UploadSource = { path: string } | { data: Buffer | string };

export interface UploadOptions {
  /** File mode, e.g. 0o644 (the default) or 0o755 for a script. */
  mode?: number;
  /** Create missing parent folders first (default true). */
  mkdirs?: boolean;
}

export interface UploadResult {
  remotePath: string;
  bytes: number;
  durationMs: number;
}

/**
 * Copies a local file or in-memory content to the host over SFTP. It writes a temporary file
 * beside the target and renames it into place, so a reader never sees half a file and a failed
 * upload leaves the old file intact.
 */
export async function upload(
  conn: SshConnection,
  source: UploadSource,
  remotePath: string,
  options: UploadOptions = {},
): Promise<UploadResult> {
  const started = Date.now();
  if (!posix.isAbsolute(remotePath)) {
    throw new SshError('invalid-config', conn.label, `upload target must be an absolute path, got "${remotePath}"`);
  }
  const mode = options.mode ?? 0o644;
  const fail = (step: string, error: unknown): SshError =>
    error instanceof SshError && error.code !== 'command-failed'
      ? error
      : new SshError('command-failed', conn.label, `upload to ${remotePath} failed: ${step}: ${messageOf(error)}`, {
          cause: error,
        });

  if (options.mkdirs ?? true) {
    const dir = posix.dirname(remotePath);
    const result = await exec(conn, ['mkdir', '-p', '--', dir]).catch((error) => {
      throw fail(`cannot create ${dir}`, error);
    });
    if (result.exitCode !== 0)
      throw fail(`cannot create ${dir}`, result.stderrTail.trim() || `exit ${result.exitCode}`);
  }

  const sftp = await conn.sftp().catch((error) => {
    throw fail('no SFTP session', error);
  });
  const temporary = `${remotePath}.rp-upload-${randomBytes(4).toString('hex')}`;
  let bytes: number;
  try {
    if ('path' in source) {
      await call<void>((cb) => sftp.fastPut(source.path, temporary, { mode }, cb));
      bytes = (await call<{ size: number }>((cb) => sftp.stat(temporary, cb))).size;
    } else {
      const data = typeof source.data === 'string' ? Buffer.from(source.data) : source.data;
      await call<void>((cb) => sftp.writeFile(temporary, data, { mode }, cb));
      bytes = data.length;
    }
    // The open() mode is filtered by the remote umask; chmod makes it exactly what was asked.
    await call<void>((cb) => sftp.chmod(temporary, mode, cb));
    await rename(sftp, temporary, remotePath);
  } catch (error) {
    await call<void>((cb) => sftp.unlink(temporary, cb)).catch(() => {});
    const what = 'path' in source ? `copying ${source.path}` : 'writing content';
    throw fail(what, error);
  }
  return { remotePath, bytes, durationMs: Date.now() - started };
}

/** OpenSSH's posix-rename replaces an existing file atomically; plain SFTP rename refuses to. */
async function rename(sftp: SFTPWrapper, from: string, to: string): Promise<void> {
  const renamed = await new Promise<boolean>((resolve, reject) => {
    try {
      sftp.ext_openssh_rename(from, to, (error) => (error ? reject(error) : resolve(true)));
    } catch {
      resolve(false); // ssh2 throws synchronously when the server lacks the extension
    }
  });
  if (renamed) return;
  await call<void>((cb) => sftp.unlink(to, cb)).catch(() => {});
  await call<void>((cb) => sftp.rename(from, to, cb));
}

function call<T>(start: (callback: (error: Error | null | undefined, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value))));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
