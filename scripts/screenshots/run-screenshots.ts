import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { assertChromium, chromiumArgs, chromiumPath } from '../../e2e/support/chromium';
import { startHostProcess } from '../../e2e/support/web-host-process';
import { parseScreenshotArgs, type ScreenshotOptions, unknownScreens } from './args';
import { captureRoute, type ScreenshotRoute, type Theme } from './capture';
import { ensureRendererBuilt } from './ensure-built';
import { makeScreenshotFixture } from './fixture';
import { setLiveScene } from './live-run';

// The screenshot run: build if needed, the fixture, the host, the scene, then every route in both
// themes. Prints one line per picture and a closing summary; answers the process exit code: 1 when
// a picture failed outright (an error in a route's steps); a screen that is absent from this build
// or never shows its content is reported and leaves the exit code alone, as screens land one by one.

const root = join(import.meta.dirname, '..', '..');
const themes: Theme[] = ['light', 'dark'];

export async function runScreenshots(routes: ScreenshotRoute[], args: string[]): Promise<number> {
  let options: ScreenshotOptions;
  try {
    options = parseScreenshotArgs(args, join(root, 'docs', 'screenshots'));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const unknown = unknownScreens(
    options.only,
    routes.map((route) => route.name),
  );
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
  mkdirSync(options.out, { recursive: true });
  const saved: string[] = [];
  const skipped: string[] = [];
  const incomplete: string[] = [];
  const failed: string[] = [];
  let browser: Browser | undefined;
  let stopScene: (() => Promise<void>) | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
    const setup = await browser.newPage();
    await setup.goto(host.url);
    const scene = await setLiveScene(setup, host.url, fixture.projectRoot);
    stopScene = scene.stop;
    const values: Record<string, string> = { ...fixture.runs, live: scene.liveRunId, project: scene.projectId };
    for (const route of chosen) {
      for (const theme of themes) {
        const file = join(options.out, `${route.name}-${theme}.png`);
        const label = `${route.name}-${theme}`;
        try {
          const outcome = await captureRoute(browser, host.url, route, theme, values, file);
          if ('saved' in outcome) {
            saved.push(file);
            console.log(`saved   ${relative(root, file)}`);
          } else if ('skipped' in outcome) {
            skipped.push(label);
            console.log(`skipped ${label}: ${outcome.skipped}`);
          } else {
            incomplete.push(label);
            console.log(`WARNING ${label} not taken: ${outcome.incomplete}`);
          }
        } catch (error) {
          failed.push(label);
          console.log(`FAILED  ${label}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }
  } finally {
    await stopScene?.();
    await browser?.close();
    await host.stop();
    // The scene is made afresh every time; leave nothing behind in the temp folder.
    rmSync(fixture.scratch, { recursive: true, force: true });
  }
  console.log(
    `\n${saved.length} screenshot(s) in ${relative(root, options.out) || '.'}` +
      (skipped.length ? `, ${skipped.length} skipped (no such screen in this build)` : '') +
      (incomplete.length ? `, ${incomplete.length} not taken (the screen never showed its content)` : '') +
      (failed.length ? `, ${failed.length} FAILED` : ''),
  );
  return failed.length ? 1 : 0;
}
