import { fileURLToPath } from 'node:url';
import { webStartCommand } from '../../../shared/host/start-command';
import { shutdownEngine } from '../../core/engine-shutdown';
import { onShutdownSignals, type ShutdownSignal, signalExitCode } from '../../core/lib/shutdown-signals';
import { startWebHost } from '../../web/web-host';
import { createNodeEngine } from '../node-engine';

export const defaultWebPort = 4310;

export interface WebCommandOptions {
  port?: number;
  dataDir?: string;
  rendererDir?: string;
}

const builtRenderer = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'EADDRINUSE';
}

/** `release-pilot web`: serves the UI and the API until Ctrl+C. */
export async function webCommand(options: WebCommandOptions): Promise<void> {
  const engine = createNodeEngine({ dataDir: options.dataDir, host: 'browser' });
  // RELEASE_PILOT_RENDERER_DIR serves another build of the UI (tests, packagers).
  const rendererDir = options.rendererDir ?? process.env.RELEASE_PILOT_RENDERER_DIR ?? builtRenderer;
  let host: Awaited<ReturnType<typeof startWebHost>>;
  try {
    host = await startWebHost({ engine, rendererDir, port: options.port ?? defaultWebPort });
  } catch (error) {
    // The default port is a convenience: when it is taken, any free port will do.
    if (options.port === undefined && isAddressInUse(error)) {
      host = await startWebHost({ engine, rendererDir, port: 0 });
      console.error(`port ${defaultWebPort} is in use; using ${host.port} instead`);
    } else if (isAddressInUse(error)) {
      throw new Error(
        `port ${options.port} on 127.0.0.1 is in use: choose another with --port, or --port 0 for any free port`,
      );
    } else {
      throw error;
    }
  }
  // The page shows it once the host is gone (connection-banner.tsx): the same port and data folder.
  engine.info.startCommand = webStartCommand(host.port, engine.info.dataDir);
  console.log(`Release Pilot ${engine.info.version} — browser host`);
  console.log(`  data: ${engine.info.dataDir}`);
  console.log(`  open: ${host.url}`);
  console.log('Only this machine can connect, and only with the token. Press Ctrl+C to stop.');
  engine.logger.info('browser host listening', { port: host.port });

  // First signal: runs are interrupted at a safe point and journaled (they stay open, resumable);
  // a second signal, during a slow stop, leaves at once (docs/cli.md, "Stopping").
  const signal = await new Promise<ShutdownSignal>((resolve) => {
    onShutdownSignals({
      first: resolve,
      again: (again) => {
        console.error(`${again} again: leaving now`);
        process.exit(signalExitCode(again));
      },
    });
  });
  const running = engine.runs.activeIds();
  console.log(
    running.length > 0
      ? `stopping: interrupting ${running.length} run(s) at a safe point (${signal} again to leave at once)…`
      : 'stopping…',
  );
  const { interrupted } = await shutdownEngine(engine, `${signal} to the browser host (process ${process.pid})`);
  await host.close();
  for (const runId of interrupted)
    console.log(
      `  run ${runId} interrupted; it stays open: resume it from the app or \`npx release-pilot resume ${runId}\``,
    );
  console.log(`stopped. Start it again with: ${engine.info.startCommand}`);
  engine.flushLogs();
}
