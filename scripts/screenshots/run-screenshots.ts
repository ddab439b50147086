import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { assertChromium, chromiumArgs, chromiumPath } from '../../e2e/support/chromium';
import { startHostProcess } from '../../e2e/support/web-host-process';
import { captureRoute, type ScreenshotRoute, type Theme } from './capture';
import { ensureRendererBuilt } from './ensure-built';
import { makeScreenshotFixture } from './fixture';
import { setLiveScene } from './live-run';

// The screenshot run: build if needed, the fixture, the host, the scene, then every route in both
// themes. Prints one line per picture and a closing summary; answers the process exit code
// (1 when a picture could not be taken for another reason than its screen being absent).

const root = join(import.meta.dirname, '..', '..');
const themes: Theme[] = ['light', 'dark'];

interface Options {
  out: string;
  build: boolean;
  only: string[];
}

export function parseArgs(args: string[]): Options {
  const options: Options = { out: join(root, 'docs', 'screenshots'), build: false, only: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--build') options.build = true;
    else if (arg === '--out') {
      const dir = args[++i];
      if (!dir) throw new Error('--out needs a folder: npm run screenshots -- --out /tmp/shots');
      options.out = resolve(dir);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}: use --build, --out <dir> or screen names`);
    else options.only.push(arg);
  }
  return options;
}

export async function runScreenshots(routes: ScreenshotRoute[], args: string[]): Promise<number> {
  const options = parseArgs(args);
  const unknown = options.only.filter((name) => !routes.some((route) => route.name === name));
  if (unknown.length) {
    console.error(`no screen named ${unknown.join(', ')}: choose from ${routes.map((r) => r.name).join(', ')}`);
    return 2;
  }
  const chosen = options.only.length ? routes.filter((route) => options.only.includes(route.name)) : routes;
  assertChromium();
  const build = ensureRendererBuilt(root, options.build, (line) => console.log(line));
  if (build === 'external') console.log(`renderer: ${process.env.RELEASE_PILOT_RENDERER_DIR}`);

  const fixture = await makeScreenshotFixture(join(tmpdir(), 'release-pilot-screenshots'));
  const host = await startHostProcess(['--port', '0', '--data-dir', fixture.dataDir]);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  mkdirSync(options.out, { recursive: true });
  const saved: string[] = [];
  const skipped: string[] = [];
  const failed: string[] = [];
  let stopScene: (() => Promise<void>) | undefined;
  try {
    const setup = await browser.newPage();
    await setup.goto(host.url);
    const scene = await setLiveScene(setup, host.url, fixture.projectRoot);
    stopScene = scene.stop;
    const values: Record<string, string> = { ...fixture.runs, live: scene.liveRunId, project: scene.projectId };
    for (const route of chosen) {
      for (const theme of themes) {
        const file = join(options.out, `${route.name}-${theme}.png`);
        try {
          const outcome = await captureRoute(browser, host.url, route, theme, values, file);
          if ('saved' in outcome) {
            saved.push(file);
            console.log(`saved   ${relative(root, file)}`);
          } else {
            skipped.push(`${route.name}-${theme}: ${outcome.skipped}`);
            console.log(`skipped ${route.name}-${theme}: ${outcome.skipped}`);
          }
        } catch (error) {
          failed.push(`${route.name}-${theme}: ${(error as Error).message.split('\n')[0]}`);
          console.log(`FAILED  ${route.name}-${theme}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }
    await setup.close();
  } finally {
    await stopScene?.();
    await browser.close();
    await host.stop();
  }
  console.log(
    `\n${saved.length} screenshot(s) in ${relative(root, options.out) || '.'}` +
      (skipped.length ? `, ${skipped.length} skipped (screen absent, or not showing what it should)` : '') +
      (failed.length ? `, ${failed.length} FAILED` : ''),
  );
  return failed.length ? 1 : 0;
}
