import { lockLeftText } from '../../../shared/runs/lock-left';
import { createNodeEngine } from '../node-engine';

/** `release-pilot runs`: the run history in the data directory, newest first. */
export async function runsCommand(options: { dataDir?: string; json?: boolean }): Promise<void> {
  const engine = createNodeEngine({ dataDir: options.dataDir, host: 'cli' });
  const runs = await engine.handlers['runs:list']({}, { transport: 'direct' });
  if (options.json) {
    console.log(JSON.stringify(runs, null, 2));
  } else if (runs.length === 0) {
    console.log(`no runs yet in ${engine.info.dataDir}`);
  } else {
    for (const run of runs) {
      const notes = [
        run.problem,
        run.lockLeft ? lockLeftText(run.lockLeft) : undefined,
        run.interrupted ? `interrupted by ${run.interrupted.by}: ${run.interrupted.reason}` : undefined,
      ].filter(Boolean);
      const note = notes.length > 0 ? `  (${notes.join('; ')})` : '';
      console.log([run.id, run.status, run.environment, run.version, run.startedAt ?? '-'].join('\t') + note);
    }
    // An open run is either running now or was stopped by a crash: say what can be done with it.
    const open = runs.filter((run) => run.status === 'open');
    for (const run of open) {
      console.log(
        `\n${run.id} is open: if no release-pilot is running it, continue it with \`release-pilot resume ${run.id}\`, or end it with \`release-pilot close ${run.id} --reason "…"\``,
      );
    }
  }
  await engine.close();
  engine.flushLogs();
}
