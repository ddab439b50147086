import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { MonitoringRule, RunMonitoring } from '../../../shared/api/schemas/monitoring';
import type { RunEvent } from '../../../shared/runs/run-event';
import { builtInRunbookId } from '../formats/built-in-runbook';
import { loadProject } from '../formats/load-project';
import { loadBuiltInRunbook } from '../formats/load-runbook';
import { readRunJournal } from '../report/run-report';
import { monitoringFromEvents, type RulesOfRun } from './monitoring-from-journal';

// `runs:monitoring`: the journal says what was measured and which rules changed state; only the
// runbook knows the thresholds of rules that never changed, so its `alerts:` are read from the
// project the run was started from (as the files are now: the run does not record them).

async function rulesOfRun(events: readonly RunEvent[]): Promise<RulesOfRun> {
  const started = events.find((event) => event.type === 'run.started')?.data;
  const projectPath = typeof started?.projectPath === 'string' ? started.projectPath : undefined;
  const runbookId = typeof started?.runbook === 'string' ? started.runbook : undefined;
  if (!projectPath || !runbookId)
    return { rules: [], problem: 'the journal has no run.started event naming the project and runbook' };
  try {
    await access(join(projectPath, '.release-pilot'));
  } catch {
    return { rules: [], problem: `the project folder ${projectPath} (or its .release-pilot/) is not there any more` };
  }
  try {
    const project = await loadProject(projectPath);
    const loaded =
      project.runbooks.find((runbook) => runbook.id === runbookId) ??
      (runbookId === builtInRunbookId ? await loadBuiltInRunbook() : undefined);
    if (!loaded) return { rules: [], problem: `the project ${projectPath} no longer has the runbook "${runbookId}"` };
    if (!loaded.runbook) {
      const first = loaded.problems.find((p) => p.severity === 'error');
      const where = first ? `${first.file}${first.line ? `:${first.line}:${first.column ?? 1}` : ''}` : loaded.file;
      return {
        rules: [],
        problem: `${where}: the runbook "${runbookId}" does not load (${first?.message ?? 'invalid'})`,
      };
    }
    const rules: MonitoringRule[] = loaded.runbook.alerts.map((rule) => ({
      name: rule.name,
      condition: rule.condition,
      for: rule.for,
      severity: rule.severity,
      action: rule.action,
    }));
    return { rules };
  } catch (error) {
    return { rules: [], problem: `cannot read the runbook of ${projectPath}: ${(error as Error).message}` };
  }
}

export async function buildRunMonitoring(dataDir: string, runId: string): Promise<RunMonitoring> {
  const journal = await readRunJournal(dataDir, runId);
  return monitoringFromEvents(runId, journal.events, await rulesOfRun(journal.events));
}
