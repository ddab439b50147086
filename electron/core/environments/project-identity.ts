import { basename, resolve } from 'node:path';
import type { HistoryScope } from '../deploy/history/history-scope';
import { projectRuns } from './project-runs';

// What a project is called where it is deployed. A local path differs from laptop to laptop; the
// target's release history must be found by every laptop, so it is kept under a name: the
// environments file's `project:`, else the project's folder name (a clone's default).

export function projectIdentity(projectRoot: string, declared: string | undefined): string {
  return declared ?? basename(resolve(projectRoot));
}

/** The history scope of a project: its name, and which of this machine's runs were its own. */
export function historyScopeOf(projectRoot: string, project: string, dataDir: string): HistoryScope {
  let mine: Promise<Set<string>> | undefined;
  return {
    project,
    async ownsRun(runId) {
      mine ??= projectRuns(dataDir, resolve(projectRoot)).then((runs) => new Set(runs.map((run) => run.runId)));
      return (await mine).has(runId);
    },
  };
}
