import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { lineSplitter } from '../../lib/line-splitter';
import type { OutputStream, ToolIO } from '../../run/run-tools';
import { runLocal } from '../../shell/run-local';
import { ShellError } from '../../shell/shell-error';
import { TrafficError } from './traffic-error';

// Where a proxy's files and commands live: this machine, or a host over SSH (ssh-proxy-runner.ts).
// The switch itself (nginx-switch.ts) only ever speaks to this interface.

export interface CommandOutcome {
  exitCode: number | null;
  /** Every line it printed, in order, for the error message when it failed. */
  lines: { stream: OutputStream; line: string }[];
}

export interface ProxyRunner {
  /** "this machine" or the host's name. */
  readonly where: string;
  /** The host name output lines are tagged with; undefined for this machine. */
  readonly host: string | undefined;
  /** The file's content; undefined when there is no such file. */
  read(path: string): Promise<string | undefined>;
  /** Replaces the file atomically (temporary file + rename), so nginx never reads half of it. */
  write(path: string, content: string): Promise<void>;
  /** Removes the file; no error when it is already gone. */
  remove(path: string): Promise<void>;
  /** Runs argv (no shell here; one quoting function over SSH), streaming its lines to io.output. */
  run(argv: readonly string[], io: ToolIO): Promise<CommandOutcome>;
}

/** `nginx -t` and a reload take milliseconds; one that hangs must not hold the run (or a rollback) for ever. */
export const proxyCommandTimeoutMs = 60_000;

/** Collects a command's lines while passing each on to io.output as it arrives. */
export function outputCollector(io: ToolIO, host: string | undefined) {
  const lines: CommandOutcome['lines'] = [];
  const sink = (stream: OutputStream) =>
    lineSplitter((line) => {
      lines.push({ stream, line });
      io.output(host, stream, line);
    });
  const stdout = sink('stdout');
  const stderr = sink('stderr');
  return {
    lines,
    stdout,
    stderr,
    flush() {
      stdout.flush();
      stderr.flush();
    },
  };
}

export function createLocalProxyRunner(): ProxyRunner {
  const where = 'this machine';
  const fileError = (path: string, action: string, error: unknown) =>
    new TrafficError(
      'proxy-file-failed',
      `${where}: cannot ${action} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { file: path, cause: error },
    );
  return {
    where,
    host: undefined,
    async read(path) {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw fileError(path, 'read', error);
      }
    },
    async write(path, content) {
      const temporary = `${path}.rp-${randomBytes(4).toString('hex')}`;
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(temporary, content, { mode: 0o644 });
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw fileError(path, 'write', error);
      }
    },
    async remove(path) {
      await rm(path, { force: true }).catch((error) => {
        throw fileError(path, 'remove', error);
      });
    },
    async run(argv, io) {
      const out = outputCollector(io, undefined);
      try {
        const result = await runLocal({
          argv: [...argv],
          timeoutMs: proxyCommandTimeoutMs,
          signal: io.signal,
          onStdout: out.stdout,
          onStderr: out.stderr,
          onSpawn: (pid) => io.started?.(undefined, pid),
        });
        out.flush();
        return { exitCode: result.exitCode, lines: out.lines };
      } catch (error) {
        out.flush();
        if (!(error instanceof ShellError)) throw error;
        throw new TrafficError('proxy-command-failed', `${where}: ${error.message}`, { argv, cause: error });
      }
    },
  };
}
