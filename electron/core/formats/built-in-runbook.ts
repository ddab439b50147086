import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readYamlSource, type YamlSource } from './yaml-source';

// The runbook a project gets when it has none of its own, and the base of `extends: default`.
// It ships in resources/runbooks/ beside package.json (or where RELEASE_PILOT_RESOURCES_DIR says,
// for packaged apps and tests), so it is the same file the docs describe.

/** How problems and summaries name the built-in runbook: it is not a file of the project. */
export const builtInRunbookFile = '<built-in>/runbooks/default.yml';
export const builtInRunbookId = 'default';

/** The resources/ folder: RELEASE_PILOT_RESOURCES_DIR, else the one beside the nearest package.json. */
export function resourcesDir(): string {
  const override = process.env.RELEASE_PILOT_RESOURCES_DIR;
  if (override) return override;
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`no package.json above ${import.meta.dirname}: set RELEASE_PILOT_RESOURCES_DIR`);
    dir = parent;
  }
  return join(dir, 'resources');
}

export function builtInRunbookPath(): string {
  return join(resourcesDir(), 'runbooks', 'default.yml');
}

/** The built-in runbook's parsed source; read once per path (it does not change while the app runs). */
const cache = new Map<string, Promise<YamlSource>>();

export function readBuiltInRunbook(): Promise<YamlSource> {
  const path = builtInRunbookPath();
  let pending = cache.get(path);
  if (!pending) {
    pending = readYamlSource(path, builtInRunbookFile).then((read) => {
      if (!read.source || read.source.value === undefined) {
        const why = read.problems.map((p) => `${p.line ?? ''}:${p.column ?? ''} ${p.message}`).join('; ');
        throw new Error(`the built-in runbook ${path} cannot be read: ${why}`);
      }
      return read.source;
    });
    pending.catch(() => cache.delete(path));
    cache.set(path, pending);
  }
  return pending;
}
