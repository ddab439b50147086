import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CodedError } from '../../lib/coded-error';
import type { SshConnection } from '../../ssh/ssh-connection';
import { SshError } from '../../ssh/ssh-errors';
import { exec } from '../../ssh/ssh-exec';

// Where the history file's bytes live: this machine, or a host over SSH. Both append one line at
// a time with O_APPEND (a single small write), starting a new line first when the file ends in a
// torn one, so a line never glues onto a half-written predecessor.

export type HistoryErrorCode = 'history-unreachable' | 'history-unreadable' | 'history-write-failed';

export class HistoryError extends CodedError<HistoryErrorCode> {}

export interface HistoryStore {
  /** "host-1 (127.0.0.1:2201):/var/lib/…/releases.ndjson" or the local path. */
  readonly where: string;
  /** The file's text; undefined when it does not exist yet. */
  read(signal?: AbortSignal): Promise<string | undefined>;
  append(line: string, signal?: AbortSignal): Promise<void>;
}

export function localHistoryStore(path: string): HistoryStore {
  const fail = (code: HistoryErrorCode, doing: string, error: unknown) =>
    new HistoryError(code, `release history ${path}: cannot ${doing}: ${(error as Error).message}`, { path });
  return {
    where: path,
    async read() {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw fail('history-unreadable', 'read it', error);
      }
    },
    async append(line) {
      try {
        await mkdir(dirname(path), { recursive: true });
        const prefix = (await endsTorn(path)) ? '\n' : '';
        await appendFile(path, prefix + line, { flag: 'a' });
      } catch (error) {
        throw fail('history-write-failed', 'append to it', error);
      }
    },
  };
}

async function endsTorn(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!handle) return false;
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    await handle.close();
  }
}

// Exit 3 means "no file yet", told apart from cat failing on permissions.
const readScript = 'if [ -e "$1" ]; then exec cat -- "$1"; else exit 3; fi';
// $(tail -c 1) drops a trailing newline, so it is empty exactly when the file ends with one.
const appendScript = [
  'mkdir -p -- "$(dirname -- "$1")" || exit 4',
  'if [ -s "$1" ] && [ -n "$(tail -c 1 -- "$1")" ]; then printf "\\n" >> "$1" || exit 5; fi',
  'printf "%s" "$2" >> "$1" || exit 5',
].join('\n');

export function sshHistoryStore(host: string, path: string, connect: () => Promise<SshConnection>): HistoryStore {
  const where = `${host}:${path}`;
  const run = async (
    argv: string[],
    doing: string,
    otherwise: HistoryErrorCode,
    signal?: AbortSignal,
    onStdout?: (chunk: string) => void,
  ) => {
    const conn = await connect().catch((error: unknown) => {
      throw new HistoryError(
        'history-unreachable',
        `release history on ${host} (${path}): cannot ${doing}: ${(error as Error).message}`,
        { host, path },
      );
    });
    const result = await exec(conn, argv, { signal, onStdout }).catch((error: unknown) => {
      const lost = error instanceof SshError && error.code === 'host-unreachable';
      throw new HistoryError(
        lost ? 'history-unreachable' : otherwise,
        `release history on ${conn.label} (${path}): cannot ${doing}: ${(error as Error).message}`,
        { host, path },
      );
    });
    const failed = (code: HistoryErrorCode, what: string) =>
      new HistoryError(
        code,
        `release history on ${conn.label} (${path}): cannot ${what}: ${result.stderrTail.trim() || `exit ${result.exitCode}`}`,
        { host, path },
      );
    return { result, failed };
  };
  return {
    where,
    async read(signal) {
      // Collected from the stream: exec keeps only the tail of a long output.
      let text = '';
      const { result, failed } = await run(
        ['sh', '-c', readScript, 'rp-history', path],
        'read it',
        'history-unreadable',
        signal,
        (chunk) => {
          text += chunk;
        },
      );
      if (result.exitCode === 3) return undefined;
      if (result.exitCode !== 0) throw failed('history-unreadable', 'read it');
      return text;
    },
    async append(line, signal) {
      const argv = ['sh', '-c', appendScript, 'rp-history', path, line];
      const { result, failed } = await run(argv, 'append to it', 'history-write-failed', signal);
      if (result.exitCode === 4) throw failed('history-write-failed', 'create its folder');
      if (result.exitCode !== 0) throw failed('history-write-failed', 'append to it');
    },
  };
}
