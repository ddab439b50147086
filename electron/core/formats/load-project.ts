import type { Problem } from '../../../shared/api/schemas/common';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import {
  actionHostWarnings,
  approvalRoleWarnings,
  environmentVariableNames,
  hostlessActionWarnings,
  stepEnvironmentWarnings,
} from './cross-checks';
import { type LoadedEnvironments, loadEnvironmentsFile } from './load-environments';
import { type LoadedRunbook, loadBuiltInRunbook, loadRunbookFile } from './load-runbook';
import { sortProblems } from './load-yaml-with-schema';
import { listRunbookFiles } from './project-layout';

export interface LoadedProject {
  root: string;
  /** The project's runbooks in file order; the built-in one (builtIn: true) when it has none. */
  runbooks: LoadedRunbook[];
  /** Present only when environments.yml exists and is valid. */
  environments?: Record<string, NamedEnvironment>;
  environmentsFile: LoadedEnvironments;
  /** Every problem of every file, grouped by file (runbooks first), each group by position. */
  problems: Problem[];
}

/** Loads and checks a whole project: each file against its schema, then the names across files. */
export async function loadProject(root: string): Promise<LoadedProject> {
  const environmentsFile = await loadEnvironmentsFile(root);
  const options = { environmentVariables: environmentVariableNames(environmentsFile) };
  const files = await listRunbookFiles(root);
  const runbooks =
    files.length > 0
      ? await Promise.all(files.map((file) => loadRunbookFile(root, file, options)))
      : [await loadBuiltInRunbook(options)];
  for (const runbook of runbooks) {
    runbook.problems = sortProblems([
      ...runbook.problems,
      ...stepEnvironmentWarnings(runbook, environmentsFile),
      ...actionHostWarnings(runbook, environmentsFile),
      ...hostlessActionWarnings(runbook, environmentsFile),
    ]);
  }
  environmentsFile.problems = sortProblems([
    ...environmentsFile.problems,
    ...approvalRoleWarnings(environmentsFile, runbooks),
  ]);
  return {
    root,
    runbooks,
    environments: environmentsFile.environments,
    environmentsFile,
    problems: [...runbooks.flatMap((r) => r.problems), ...environmentsFile.problems],
  };
}
