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
      const note = run.problem ? `  (${run.problem})` : '';
      console.log([run.id, run.status, run.environment, run.version, run.startedAt ?? '-'].join('\t') + note);
    }
  }
  await engine.close();
  engine.flushLogs();
}
