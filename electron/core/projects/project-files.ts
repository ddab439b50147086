import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Problem } from '../../../shared/api/schemas/common';
import type { EnvironmentSummary, RunbookSummary } from '../../../shared/api/schemas/project';
import { isRecord, readYamlFile, type YamlFile } from './yaml-file';

// Where a project keeps its files, and the light reading the skeleton needs to list them. The
// full runbook and environment schemas (and their file:line:column errors) come with the engine.

export const projectFolder = '.release-pilot';

function fieldProblem(file: YamlFile, name: string, field: string, message: string): Problem {
  return { severity: 'error', file: name, field, message, ...file.positionOf(field) };
}

/** The names in a folder; none when the folder does not exist. */
async function namesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** `.release-pilot/runbook.yml` first, then `.release-pilot/runbooks/*.y(a)ml` by name. */
async function listRunbookFiles(root: string): Promise<string[]> {
  const single = (await namesIn(join(root, projectFolder))).includes('runbook.yml')
    ? [join(projectFolder, 'runbook.yml')]
    : [];
  const many = (await namesIn(join(root, projectFolder, 'runbooks')))
    .filter((name) => ['.yml', '.yaml'].includes(extname(name)))
    .map((name) => join(projectFolder, 'runbooks', name));
  return [...single, ...many];
}

export async function readRunbookSummaries(root: string): Promise<RunbookSummary[]> {
  const summaries: RunbookSummary[] = [];
  for (const name of await listRunbookFiles(root)) {
    const file = await readYamlFile(join(root, name), name);
    const doc = isRecord(file.value) ? file.value : {};
    const problems = [...file.problems];
    if (file.value !== undefined && !isRecord(file.value)) {
      problems.push({ severity: 'error', file: name, message: 'a runbook must be a mapping of fields' });
    }
    const steps = doc.steps;
    if (file.value !== undefined && isRecord(file.value) && !Array.isArray(steps)) {
      problems.push(fieldProblem(file, name, 'steps', 'a runbook needs a `steps:` list'));
    }
    const stem = basename(name, extname(name));
    const id = typeof doc.id === 'string' && doc.id ? doc.id : stem;
    summaries.push({
      id,
      title: typeof doc.title === 'string' && doc.title ? doc.title : id,
      file: name,
      stepCount: Array.isArray(steps) ? steps.length : 0,
      problems,
    });
  }
  return summaries;
}

export async function readEnvironmentSummaries(root: string): Promise<EnvironmentSummary[]> {
  const name = join(projectFolder, 'environments.yml');
  const file = await readYamlFile(join(root, name), name);
  if (file.missing) return [];
  if (file.value === undefined) {
    return [{ name: '(unreadable)', file: name, protected: false, hostCount: 0, problems: file.problems }];
  }
  const envs = isRecord(file.value) ? file.value.environments : undefined;
  if (!isRecord(envs)) {
    const problem = fieldProblem(
      file,
      name,
      'environments',
      'expected `environments:` mapping each name to its settings',
    );
    return [{ name: '(invalid)', file: name, protected: false, hostCount: 0, problems: [...file.problems, problem] }];
  }
  return Object.entries(envs).map(([envName, raw]) => {
    const env = isRecord(raw) ? raw : {};
    const problems = [...file.problems];
    if (!isRecord(raw)) {
      problems.push({
        severity: 'error',
        file: name,
        field: `environments.${envName}`,
        message: 'an environment must be a mapping of fields',
      });
    }
    return {
      name: envName,
      file: name,
      protected: env.protected === true,
      hostCount: Array.isArray(env.hosts) ? env.hosts.length : 0,
      problems,
    };
  });
}
