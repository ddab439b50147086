import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The boot tests load what `npm run build` makes, not the sources. `npm test` runs the unit and
// integration stages BEFORE its build stage (scripts/test-all.mjs), and a clean clone has no out/
// at all, so the tests build it themselves when it is missing or older than any source file it
// is made from (tests and test support do not count). An up-to-date out/ is used as it is. Test
// files run in parallel workers, so one builds while the others wait on a lock, then re-check.

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
    if (entry === 'node_modules' || entry === 'test-support' || entry.endsWith('.test.ts')) continue;
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

const lockDir = join(
  tmpdir(),
  `release-pilot-build-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}.lock`,
);

function tryLock(): boolean {
  try {
    mkdirSync(lockDir);
  } catch {
    // A lock whose holder died (a killed test run) is taken over.
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
    } catch {
      return false; // being written by its holder right now
    }
    try {
      process.kill(holder, 0);
      return false;
    } catch {
      rmSync(lockDir, { recursive: true, force: true });
      return tryLock();
    }
  }
  writeFileSync(join(lockDir, 'pid'), String(process.pid));
  return true;
}

/** Runs `electron-vite build` when out/ is missing or stale; throws with its output when it fails. */
export async function ensureBuilt(): Promise<{ built: boolean; reason?: string }> {
  if (!staleReason()) return { built: false };
  while (!tryLock()) await new Promise((r) => setTimeout(r, 100));
  try {
    const reason = staleReason(); // another worker may have built it meanwhile
    if (!reason) return { built: false };
    const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    const run = spawnSync(process.execPath, [cli, 'build'], { cwd: repoRoot, encoding: 'utf8' });
    if (run.status !== 0) {
      throw new Error(`electron-vite build failed (${reason}), exit ${run.status}:\n${run.stdout}\n${run.stderr}`);
    }
    return { built: true, reason };
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
