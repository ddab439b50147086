import type { Engine } from './engine';

// How every host stops an engine that may be driving runs (docs/architecture.md, "Stopping"): the
// browser host on SIGINT/SIGTERM, the desktop app when it quits. Runs are interrupted at a safe
// point and journaled as such (they stay open, resumable straight away after a restart); then the
// engine's own resources close. A host that is told to stop again meanwhile exits at once itself.

export interface ShutdownReport {
  /** The runs that were interrupted and wait for a resume. */
  interrupted: string[];
}

export async function shutdownEngine(engine: Engine, reason: string): Promise<ShutdownReport> {
  const interrupted = await engine.runs.interruptAll(`${engine.info.productName} (${engine.info.host})`, reason);
  for (const runId of interrupted) engine.logger.info('run interrupted for shutdown', { runId, reason });
  await engine.close();
  return { interrupted };
}
