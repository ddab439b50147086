import { lineSplitter } from '../lib/line-splitter';
import { runLocal } from '../shell/run-local';
import { deferred, type Follower, type OnSourceLine, type SourceEnd, startFailure } from './follower';

// `tail -F` or `journalctl -f` on this machine: no shell, in a process group of its own that a
// stop kills whole (run-local.ts).

export const thisMachine = 'this machine';

export function followLocalCommand(source: { argv: string[]; program: string; onLine: OnSourceLine }): Follower {
  const abort = new AbortController();
  const started = deferred<void>();

  const run = async (): Promise<SourceEnd> => {
    const out = lineSplitter((line) => source.onLine('stdout', line));
    const err = lineSplitter((line) => source.onLine('stderr', line));
    try {
      const result = await runLocal({
        argv: source.argv,
        signal: abort.signal,
        onStdout: out,
        onStderr: err,
        onSpawn: () => started.resolve(),
      });
      const how = result.signal ? `was ended by ${result.signal}` : `exited with code ${result.exitCode}`;
      return { code: result.exitCode === 0 ? 'exited' : 'failed', reason: `${thisMachine}: ${source.program} ${how}` };
    } catch (error) {
      if (abort.signal.aborted) return { code: 'stopped', reason: `${thisMachine}: stopped` };
      const message = error instanceof Error ? error.message : String(error);
      return { code: 'failed', reason: `${thisMachine}: ${message}`, error };
    } finally {
      out.flush();
      err.flush();
    }
  };

  const ended = run().then((end) => {
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
