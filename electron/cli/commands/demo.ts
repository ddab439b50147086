import { quote } from 'shell-quote';
import { ApiError } from '../../../shared/api/errors';
import type { DemoStatus } from '../../../shared/api/schemas/demo';
import { createNodeEngine } from '../node-engine';
import { exitCodes } from '../run/exit-codes';

// `release-pilot demo`: sets up the built-in demo project (or resets it) and prints what to run next.

export interface DemoOptions {
  reset?: boolean;
  status?: boolean;
  dataDir?: string;
  json?: boolean;
}

function statusLines(status: DemoStatus): string[] {
  const lines = [`Demo project: ${status.projectPath} (${status.state === 'ready' ? 'ready' : 'not set up'})`];
  lines.push(
    status.docker.ok
      ? `  Docker: engine ${status.docker.version} at ${status.docker.socket}`
      : `  Docker: ${status.docker.message}`,
  );
  lines.push(`  Strategy: ${status.strategy}. ${status.proxy.message}`);
  if (status.urls) lines.push(`  Staging: ${status.urls.staging}   Production: ${status.urls.production}`);
  return lines;
}

function nextSteps(status: DemoStatus, dataDir: string | undefined): string[] {
  const dataDirFlag = dataDir ? ` --data-dir ${quote([dataDir])}` : '';
  // Quoted: the default data folder is ".../Release Pilot", with a space.
  const run = (env: string, version: string) =>
    `  npx release-pilot run --project ${quote([status.projectPath])} --env ${env} --version ${version} --answers ${quote([status.answersFile ?? ''])}${dataDirFlag}`;
  return [
    '',
    'Next: deploy v1.1.0 to staging, then to production, then watch the bad v1.2.0 roll back on its own:',
    run('staging', 'v1.1.0'),
    run('production', 'v1.1.0'),
    run('staging', 'v1.2.0'),
    `Then: npx release-pilot report <run-id> -o report.md${dataDirFlag}   (run ids: npx release-pilot runs${dataDirFlag})`,
    'Or open the app (npm start, or npm run web) and choose the demo project on the dashboard.',
  ];
}

export async function demoCommand(options: DemoOptions): Promise<number> {
  const engine = createNodeEngine({ dataDir: options.dataDir, host: 'cli' });
  const direct = { transport: 'direct' } as const;
  const progress = engine.events.subscribe((name, payload) => {
    if (name === 'demo:progress' && !options.json) console.error(`… ${(payload as { message: string }).message}`);
  });
  try {
    if (options.reset) {
      const { status, removed } = await engine.handlers['demo:reset']({}, direct);
      if (options.json) console.log(JSON.stringify({ status, removed }, null, 2));
      else
        console.log(
          `Demo reset: ${removed.containers} container(s) and ${removed.runs} run(s) removed.\n${statusLines(status).join('\n')}`,
        );
      return exitCodes.success;
    }
    if (options.status) {
      const status = await engine.handlers['demo:status']({}, direct);
      console.log(options.json ? JSON.stringify(status, null, 2) : statusLines(status).join('\n'));
      return status.docker.ok ? exitCodes.success : exitCodes.blocked;
    }
    const { status } = await engine.handlers['demo:open']({}, direct);
    console.log(
      options.json
        ? JSON.stringify(status, null, 2)
        : [...statusLines(status), ...nextSteps(status, options.dataDir)].join('\n'),
    );
    return exitCodes.success;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`release-pilot demo: ${message}`);
    if (error instanceof ApiError && (error.code === 'unavailable' || error.code === 'conflict'))
      return exitCodes.blocked;
    return exitCodes.runFailed;
  } finally {
    progress();
    await engine.close();
    engine.flushLogs();
  }
}
