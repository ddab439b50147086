import type { SFTPWrapper } from 'ssh2';
import type { SshConnection } from '../../ssh/ssh-connection';
import { SshError } from '../../ssh/ssh-errors';
import { exec } from '../../ssh/ssh-exec';
import { upload } from '../../ssh/ssh-upload';
import { outputCollector, type ProxyRunner, proxyCommandTimeoutMs } from './proxy-runner';
import { TrafficError } from './traffic-error';

/** ssh2's SFTP status code for "no such file". */
const SFTP_NO_SUCH_FILE = 2;

/** Codes of the SSH layer that mean the host itself could not be reached or trusted. */
const unreachable = new Set(['host-unreachable', 'timeout', 'auth-failed', 'host-key-mismatch', 'host-key-unknown']);

/**
 * The proxy on a host over SSH: files through SFTP (upload's temporary file + rename), commands
 * through exec (argv quoted by the one quoting function). The connection is asked for on first use,
 * so an unreachable host fails the switch with a message naming it, not the strategy's set-up.
 */
export function createSshProxyRunner(hostName: string, connect: () => Promise<SshConnection>): ProxyRunner {
  const mapError = (action: string, error: unknown, details: Record<string, unknown> = {}): Error => {
    if (error instanceof TrafficError) return error;
    if (error instanceof SshError && unreachable.has(error.code)) {
      return new TrafficError('proxy-unreachable', `${hostName}: cannot reach the proxy host: ${error.message}`, {
        host: hostName,
        sshCode: error.code,
        cause: error,
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    const code = action.startsWith('run') ? 'proxy-command-failed' : 'proxy-file-failed';
    return new TrafficError(code, `${hostName}: cannot ${action}: ${message}`, {
      host: hostName,
      ...details,
      cause: error,
    });
  };
  // Whatever stops the connection (refused, key, login, bad host entry) means the proxy is out of reach.
  const connection = () =>
    connect().catch((error: unknown) => {
      throw new TrafficError(
        'proxy-unreachable',
        `${hostName}: cannot reach the proxy host: ${error instanceof Error ? error.message : String(error)}`,
        { host: hostName, sshCode: (error as { code?: unknown }).code, cause: error },
      );
    });

  return {
    where: hostName,
    host: hostName,
    async read(path) {
      const conn = await connection();
      try {
        const sftp = await conn.sftp();
        return await readText(sftp, path);
      } catch (error) {
        if ((error as { code?: unknown }).code === SFTP_NO_SUCH_FILE) return undefined;
        throw mapError(`read ${path}`, error, { file: path });
      }
    },
    async write(path, content) {
      const conn = await connection();
      await upload(conn, { data: content }, path, { mode: 0o644 }).catch((error: unknown) => {
        throw mapError(`write ${path}`, error, { file: path });
      });
    },
    async remove(path) {
      const conn = await connection();
      const result = await exec(conn, ['rm', '-f', '--', path]).catch((error: unknown) => {
        throw mapError(`remove ${path}`, error, { file: path });
      });
      if (result.exitCode !== 0) {
        throw mapError(`remove ${path}`, new Error(result.stderrTail.trim() || `exit ${result.exitCode}`));
      }
    },
    async run(argv, io) {
      const conn = await connection();
      const out = outputCollector(io, hostName);
      try {
        const result = await exec(conn, argv, {
          signal: io.signal,
          timeoutMs: proxyCommandTimeoutMs,
          onStdout: out.stdout,
          onStderr: out.stderr,
          onProcessGroup: (pgid) => io.started?.(hostName, pgid),
        });
        out.flush();
        return { exitCode: result.exitCode, lines: out.lines };
      } catch (error) {
        out.flush();
        throw mapError(`run \`${argv.join(' ')}\``, error, { argv });
      }
    },
  };
}

function readText(sftp: SFTPWrapper, path: string): Promise<string> {
  return new Promise((resolve, reject) =>
    sftp.readFile(path, 'utf8', (error, data) => (error ? reject(error) : resolve(data.toString()))),
  );
}
