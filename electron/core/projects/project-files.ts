import type { Problem } from '../../../shared/api/schemas/common';
import type { EnvironmentSummary, RunbookSummary } from '../../../shared/api/schemas/project';
import { loadProject } from '../formats/load-project';
import { isRecord } from '../formats/yaml-source';

// The project's runbooks and environments as the app lists them, with every problem the full
// schemas and the cross-file checks find (each at file:line:column). Loading is in ../formats/.

export { projectFolder } from '../formats/project-layout';

export async function readRunbookSummaries(root: string): Promise<RunbookSummary[]> {
  const project = await loadProject(root);
  return project.runbooks.map((runbook) => ({
    id: runbook.id,
    title: runbook.builtIn ? `${runbook.title} (built-in)` : runbook.title,
    file: runbook.file,
    stepCount: runbook.runbook?.steps.length ?? runbook.stepCount,
    problems: runbook.problems,
  }));
}

/** Which environment a problem is about (`environments.<name>…`), if any. */
function environmentOf(problem: Problem): string | undefined {
  return /^environments(?:\.([A-Za-z0-9_-]+)|\["([^"]+)"\])/
    .exec(problem.field ?? '')
    ?.slice(1)
    .find(Boolean);
}

export async function readEnvironmentSummaries(root: string): Promise<EnvironmentSummary[]> {
  const { environmentsFile: loaded } = await loadProject(root);
  const file = loaded.file;
  if (loaded.missing) return [];
  if (loaded.raw === undefined) {
    return [{ name: '(unreadable)', file, protected: false, hostCount: 0, problems: loaded.problems }];
  }
  const envs = isRecord(loaded.raw) ? loaded.raw.environments : undefined;
  if (!isRecord(envs) || Object.keys(envs).length === 0) {
    return loaded.problems.length > 0
      ? [{ name: '(invalid)', file, protected: false, hostCount: 0, problems: loaded.problems }]
      : [];
  }
  // Problems of one environment go to it; problems of the file as a whole go to every environment
  // (the project summary shows each once).
  const shared = loaded.problems.filter((p) => !environmentOf(p) || !Object.hasOwn(envs, environmentOf(p)!));
  return Object.entries(envs).map(([name, raw]) => {
    const env = isRecord(raw) ? raw : {};
    return {
      name,
      file,
      protected: env.protected === true,
      hostCount: Array.isArray(env.hosts) ? env.hosts.length : 0,
      problems: [...shared, ...loaded.problems.filter((p) => environmentOf(p) === name)],
    };
  });
}
