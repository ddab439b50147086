import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The screenshots are of the built renderer the browser host serves. Build it when it is missing
// or older than any source file it is made from; RELEASE_PILOT_RENDERER_DIR (a build elsewhere,
// as the host itself honours) skips this.

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export type BuildOutcome = 'external' | 'fresh' | 'built';

export function ensureRendererBuilt(root: string, force: boolean, log: (line: string) => void): BuildOutcome {
  if (process.env.RELEASE_PILOT_RENDERER_DIR) return 'external';
  const index = join(root, 'out', 'renderer', 'index.html');
  const sources = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')));
  if (!force && existsSync(index) && statSync(index).mtimeMs >= sources) return 'fresh';
  log(force ? 'building (npm run build)…' : 'the renderer build is missing or older than its sources: building…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed: fix the build, then run `npm run screenshots` again');
  return 'built';
}
