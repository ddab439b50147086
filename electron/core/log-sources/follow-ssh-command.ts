import { lineSplitter } from '../lib/line-splitter';
import type { Logger } from '../ports';
import { exec } from '../ssh/ssh-exec';
import { createSshPool } from '../ssh/ssh-pool';
import type { SshHostConfig } from '../ssh/ssh-target';
import { deferred, type Follower, lastLine, type OnSourceLine, type SourceEnd, startFailure } from './follower';

// `tail -F` or `journalctl -f` on a host. Each follow has its own connection (pool of one): a few
// sources cost a handshake each, and one source's dead connection or stop never touches another.
// Stopping aborts exec, which kills the remote process group through a second channel before the
// connection closes (closing alone would leave `tail -F` running on the host).

export interface SshCommandSource {
  ssh: SshHostConfig;
  argv: string[];
  /** "tail", "journalctl": named when the host does not have it. */
  program: string;
  logger: Logger;
  onLine: OnSourceLine;
  connectTimeoutMs?: number;
}

export const defaultConnectTimeoutMs = 10_000;

export function followSshCommand(source: SshCommandSource): Follower {
  const pool = createSshPool({
    logger: source.logger,
    connectTimeoutMs: source.connectTimeoutMs ?? defaultConnectTimeoutMs,
  });
  const abort = new AbortController();
  const started = deferred<void>();
  let label = source.ssh.name;

  const run = async (): Promise<SourceEnd> => {
    const out = lineSplitter((line) => source.onLine('stdout', line));
    const err = lineSplitter((line) => source.onLine('stderr', line));
    try {
      const conn = await pool.connection(source.ssh);
      label = conn.label;
      const result = await exec(conn, source.argv, {
        signal: abort.signal,
        onStdout: out,
        onStderr: err,
        onProcessGroup: () => started.resolve(),
      });
      out.flush();
      err.flush();
      const said = lastLine(result.stderrTail);
      if (result.exitCode === 127) {
        return {
          code: 'failed',
          reason: `${label}: ${source.program} is not installed (exit 127${said ? `: ${said}` : ''})`,
        };
      }
      const how = result.signal ? `was ended by ${result.signal}` : `exited with code ${result.exitCode}`;
      return {
        code: result.exitCode === 0 ? 'exited' : 'failed',
        reason: `${label}: ${source.program} ${how}${said ? `: ${said}` : ''}`,
      };
    } catch (error) {
      out.flush();
      err.flush();
      if (abort.signal.aborted) return { code: 'stopped', reason: `${label}: stopped` };
      return { code: 'failed', reason: error instanceof Error ? error.message : `${label}: ${String(error)}`, error };
    } finally {
      await pool.close().catch(() => undefined);
    }
  };

  const ended = run().then((end) => {
    // Ended before the process group was known: the command never ran (connect failed, refused).
    started.reject(startFailure(end));
    return end;
  });

  return {
    started: started.promise,
    ended,
    async stop() {
      abort.abort();
      await ended;
    },
  };
}
