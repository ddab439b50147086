import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The boot tests load what `npm run build` makes, not the sources. `npm test` runs the unit and
// integration stages BEFORE its build stage (scripts/test-all.mjs), and a clean clone has no out/
// at all, so the tests build it themselves when it is missing or older than any source file it
// is made from. An up-to-date out/ is used as it is.

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');

/** The main bundle as Electron finds it: package.json "main". */
export const mainBundlePath = resolve(
  repoRoot,
  (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string }).main,
);
export const outDir = join(repoRoot, 'out');

const builtFiles = [mainBundlePath, join(outDir, 'preload', 'index.cjs'), join(outDir, 'renderer', 'index.html')];
const sourceFolders = ['electron/main', 'electron/preload', 'electron/core', 'shared', 'renderer', 'resources'];
const sourceFiles = ['electron.vite.config.ts', 'package.json', 'package-lock.json'];

function newestIn(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestIn(join(path, entry)));
  }
  return newest;
}

/** Why out/ must be built again, or undefined when it is up to date. */
export function staleReason(): string | undefined {
  const missing = builtFiles.find((file) => !existsSync(file));
  if (missing) return `${missing} is missing`;
  const oldestBuilt = Math.min(...builtFiles.map((file) => statSync(file).mtimeMs));
  const newestSource = Math.max(
    ...sourceFolders.map((folder) => newestIn(join(repoRoot, folder))),
    ...sourceFiles.map((file) => newestIn(join(repoRoot, file))),
  );
  return newestSource > oldestBuilt ? 'a source file is newer than the build' : undefined;
}

/** Runs `electron-vite build` when out/ is missing or stale; throws with its output when it fails. */
export function ensureBuilt(): { built: boolean; reason?: string } {
  const reason = staleReason();
  if (!reason) return { built: false };
  const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const run = spawnSync(process.execPath, [cli, 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`electron-vite build failed (${reason}), exit ${run.status}:\n${run.stdout}\n${run.stderr}`);
  }
  return { built: true, reason };
}
