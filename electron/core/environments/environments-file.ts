import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { Problem } from '../../../shared/api/schemas/common';
import type { EnvironmentsFileText, SaveEnvironmentsResult } from '../../../shared/api/schemas/environments';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import { environmentsFileName, validateEnvironmentsSource } from '../formats/load-environments';
import { parseYamlSource } from '../formats/yaml-source';
import { messageOf } from './time-box';

// The project's environments.yml as text, for the editor. A save goes to disk only when the text
// validates, and atomically (a temporary file renamed over the old one), with the previous file
// kept as environments.yml.bak: a typo can never leave a half-written or broken file behind.

export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Validates environments.yml text; pure. Problems name `.release-pilot/environments.yml` at line:column. */
export function checkEnvironmentsText(text: string): { problems: Problem[]; environments?: NamedEnvironment[] } {
  const validated = validateEnvironmentsSource(parseYamlSource(text, environmentsFileName));
  return {
    problems: validated.problems,
    environments: validated.environments ? Object.values(validated.environments) : undefined,
  };
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new ApiError('invalid-project', `cannot read ${path} (${code ?? messageOf(error)})`, { file: path });
  }
}

export async function readEnvironmentsText(projectRoot: string): Promise<EnvironmentsFileText> {
  const path = join(projectRoot, environmentsFileName);
  const text = await readText(path);
  const checked = text === undefined ? { problems: [] } : checkEnvironmentsText(text);
  return {
    path,
    file: environmentsFileName,
    exists: text !== undefined,
    text: text ?? '',
    digest: digestOf(text ?? ''),
    ...checked,
  };
}

export async function saveEnvironmentsText(
  projectRoot: string,
  text: string,
  baseDigest?: string,
): Promise<SaveEnvironmentsResult> {
  const path = join(projectRoot, environmentsFileName);
  const file = environmentsFileName;
  const current = await readText(path);
  const onDisk = digestOf(current ?? '');
  const { problems } = checkEnvironmentsText(text);
  if (problems.some((p) => p.severity === 'error')) return { saved: false, path, file, problems, digest: onDisk };
  if (baseDigest !== undefined && baseDigest !== onDisk) {
    throw new ApiError(
      'conflict',
      `${file} changed on disk since you opened it (someone saved it, or a git pull changed it): reload it and make your change again`,
      { file: path },
    );
  }
  const backup = current === undefined ? undefined : `${path}.bak`;
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.environments.yml.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const mode = await stat(path).then(
      (info) => info.mode & 0o777,
      () => 0o644,
    );
    const handle = await open(temporary, 'w', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync(); // on disk before the rename makes it the file
    } finally {
      await handle.close();
    }
    if (backup) await copyFile(path, backup);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? messageOf(error);
    throw new ApiError('internal', `cannot save ${path} (${code}); the file on disk is unchanged`, { file: path });
  }
  return { saved: true, path, file, problems, digest: digestOf(text), ...(backup ? { backup } : {}) };
}
