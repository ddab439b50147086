import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';

// Where a project keeps its files: `.release-pilot/runbook.yml`, `.release-pilot/runbooks/*.y(a)ml`
// and `.release-pilot/environments.yml`.

export const projectFolder = '.release-pilot';

/** The names in a folder; none when the folder does not exist. */
async function namesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return [];
    throw error;
  }
}

/** `.release-pilot/runbook.yml` (or .yaml) first, then `.release-pilot/runbooks/*.y(a)ml` by name. */
export async function listRunbookFiles(root: string): Promise<string[]> {
  const single = (await namesIn(join(root, projectFolder)))
    .filter((name) => name === 'runbook.yml' || name === 'runbook.yaml')
    .map((name) => join(projectFolder, name));
  const many = (await namesIn(join(root, projectFolder, 'runbooks')))
    .filter((name) => ['.yml', '.yaml'].includes(extname(name)))
    .map((name) => join(projectFolder, 'runbooks', name));
  return [...single, ...many];
}
