import type { TrafficProxy } from '../../../../shared/formats/deploy-schema';
import type { ToolIO } from '../../run/run-tools';
import type { TrafficSwitch, UpstreamServer } from '../deploy-strategy';
import { checkServers, describeServers, parseUpstream, renderUpstream } from './nginx-upstream';
import type { CommandOutcome, ProxyRunner } from './proxy-runner';
import { TrafficError } from './traffic-error';

export type NginxProxy = Extract<TrafficProxy, { kind: 'nginx' }>;

export interface NginxSwitchOptions {
  /** Written into the file's header, so whoever finds it knows which run put it there. */
  runId: string;
  /** The header's time; a parameter so tests (and the renderer) stay deterministic. */
  now?: () => Date;
}

/** How many of the test command's last lines an error quotes: nginx says what is wrong in one or two. */
const quotedLines = 10;

/**
 * nginx as a TrafficSwitch: writes the upstream file, runs the config test, reloads only when the
 * test passed. On any failure after writing, the previous file goes back (or the new one is removed
 * when there was none), so the file on disk keeps describing what nginx actually serves.
 */
export function createNginxSwitch(proxy: NginxProxy, runner: ProxyRunner, options: NginxSwitchOptions): TrafficSwitch {
  const where = `nginx on ${runner.where}`;
  const file = proxy.upstreamFile;
  const now = options.now ?? (() => new Date());
  const info = (io: ToolIO, line: string) => io.output(runner.host, 'info', `${where}: ${line}`);
  // Two switches at once would interleave write/test/restore; each waits for the one before.
  let queue: Promise<unknown> = Promise.resolve();

  const restore = async (previous: string | undefined, io: ToolIO): Promise<string> => {
    try {
      if (previous === undefined) await runner.remove(file);
      else await runner.write(file, previous);
      info(io, `restored the previous ${file}`);
      return previous === undefined ? `${file} removed again (there was none before)` : `previous ${file} restored`;
    } catch (error) {
      return `restoring the previous ${file} ALSO failed (${(error as Error).message}); check it by hand`;
    }
  };

  const apply = async (servers: UpstreamServer[], io: ToolIO): Promise<void> => {
    checkServers(servers, where);
    const content = renderUpstream({ upstream: proxy.upstream, servers, runId: options.runId, at: now() });
    const previous = await runner.read(file);
    await runner.write(file, content);
    info(io, `wrote ${file}: upstream ${proxy.upstream} → ${describeServers(servers)}`);

    const test = await runOrRestore(proxy.test, 'test', previous, io);
    if (test.exitCode !== 0) {
      const restored = await restore(previous, io);
      throw new TrafficError(
        'proxy-config-invalid',
        `${where}: \`${proxy.test.join(' ')}\` rejected the new upstream file ${file} (${exitText(test)}); ` +
          `${restored}, nginx not reloaded: ${tail(test)}`,
        { where, file, argv: proxy.test, exitCode: test.exitCode, output: test.lines.map((l) => l.line) },
      );
    }
    const reload = await runOrRestore(proxy.reload, 'reload', previous, io);
    if (reload.exitCode !== 0) {
      const restored = await restore(previous, io);
      throw new TrafficError(
        'proxy-reload-failed',
        `${where}: \`${proxy.reload.join(' ')}\` failed (${exitText(reload)}) after the config test passed; ` +
          `${restored}: ${tail(reload)}`,
        { where, file, argv: proxy.reload, exitCode: reload.exitCode, output: reload.lines.map((l) => l.line) },
      );
    }
    info(io, `reloaded; traffic now ${describeServers(servers)}`);
  };

  const runOrRestore = async (
    argv: readonly string[],
    what: string,
    previous: string | undefined,
    io: ToolIO,
  ): Promise<CommandOutcome> => {
    try {
      return await runner.run(argv, io);
    } catch (error) {
      const restored = await restore(previous, io);
      const message = (error as Error).message;
      throw new TrafficError('proxy-command-failed', `${where}: the ${what} command failed: ${message}; ${restored}`, {
        where,
        file,
        argv,
        cause: error,
      });
    }
  };

  return {
    where,
    apply(servers, io) {
      const next = queue.then(() => apply(servers, io));
      queue = next.catch(() => undefined);
      return next;
    },
    async current() {
      const text = await runner.read(file);
      if (text === undefined) return undefined;
      try {
        return parseUpstream(text, proxy.upstream, file);
      } catch (error) {
        if (error instanceof TrafficError) error.message = `${where}: ${error.message}`;
        throw error;
      }
    },
  };
}

function exitText(outcome: CommandOutcome): string {
  return outcome.exitCode === null ? 'killed by a signal' : `exit ${outcome.exitCode}`;
}

/** nginx writes its verdict to stderr; quote those lines (all lines when stderr was empty). */
function tail(outcome: CommandOutcome): string {
  const errors = outcome.lines.filter((l) => l.stream === 'stderr');
  const lines = (errors.length > 0 ? errors : outcome.lines).map((l) => l.line.trim()).filter(Boolean);
  return lines.length === 0 ? '(no output)' : lines.slice(-quotedLines).join(' | ');
}
