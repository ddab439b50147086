// The first five minutes (issue #7): how long the built-in demo takes on this machine, from nothing
// to the third report. Real Docker, the demo's real nginx, the real `release-pilot` bin:
//   set-up cold   the demo's images removed first: repository, base image, three builds, nginx
//   set-up warm   a second demo (another data folder) with the images already there
//   runs          staging v1.1.0, production v1.1.0, staging v1.2.0 (rolled back), each with --answers
//   reset         containers, nginx, project and runs removed
// Returns figures; prints them only when run directly:  npx tsx scripts/bench/demo.ts
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');

async function timed(args: string[], expectFail = false): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  try {
    const { stdout } = await run(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { ms: performance.now() - started, stdout };
  } catch (error) {
    if (!expectFail) {
      const said = (error as { stdout?: string }).stdout?.split('\n').slice(-8).join('\n');
      throw new Error(`${(error as Error).message.split('\n')[0]}\n${said}`);
    }
    return { ms: performance.now() - started, stdout: (error as { stdout: string }).stdout };
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function benchDemo(): Promise<Record<string, string | number>> {
  const cold = await mkdtemp(join(tmpdir(), 'rp-bench-demo-'));
  const warm = await mkdtemp(join(tmpdir(), 'rp-bench-demo-'));
  try {
    await run('docker', [
      'image',
      'rm',
      '-f',
      'release-pilot-demo:v1.0.0',
      'release-pilot-demo:v1.1.0',
      'release-pilot-demo:v1.2.0',
    ]).catch(() => undefined);
    const setUpCold = await timed(['demo', '--json', '--data-dir', cold]);
    const setUpWarm = await timed(['demo', '--json', '--data-dir', warm]);
    const demo = JSON.parse(setUpCold.stdout) as { projectPath: string; answersFile: string };
    const deploy = (env: string, version: string, fails = false) =>
      timed(
        [
          'run',
          '--project',
          demo.projectPath,
          '--env',
          env,
          '--version',
          version,
          '--answers',
          demo.answersFile,
          '--data-dir',
          cold,
        ],
        fails,
      );
    const staging = await deploy('staging', 'v1.1.0');
    const production = await deploy('production', 'v1.1.0');
    const bad = await deploy('staging', 'v1.2.0', true);
    const reset = await timed(['demo', '--reset', '--data-dir', cold]);
    return {
      'set-up, images built (cold)': seconds(setUpCold.ms),
      'set-up, images present (warm)': seconds(setUpWarm.ms),
      'staging v1.1.0 (incl. 20 s watch)': seconds(staging.ms),
      'production v1.1.0 (incl. 20 s watch)': seconds(production.ms),
      'staging v1.2.0 → rolled back': seconds(bad.ms),
      'v1.2.0 outcome': /Run rolled-back/.test(bad.stdout) ? 'rolled back on its own' : 'NOT rolled back',
      'whole CLI path, set-up to 3rd run': seconds(setUpCold.ms + staging.ms + production.ms + bad.ms),
      reset: seconds(reset.ms),
    };
  } finally {
    // A failed run must not leave the demo's containers and nginx behind.
    for (const dir of [cold, warm]) await timed(['demo', '--reset', '--data-dir', dir], true);
    await rm(cold, { recursive: true, force: true });
    await rm(warm, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [label, value] of Object.entries(await benchDemo())) console.log(`${label.padEnd(40)} ${value}`);
}
