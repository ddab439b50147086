import type { Browser, Page } from '@playwright/test';

// Taking one screen's picture: open the route in a fresh page with the theme's colour scheme,
// tell a screen that does not exist (the app sends unknown routes to the dashboard) from one that
// does, let it finish loading, run its preparation (type, click), and save the PNG.

export type Theme = 'light' | 'dark';

export interface ScreenshotRoute {
  /** The file name: docs/screenshots/<name>-<theme>.png. */
  name: string;
  /** `#/runs/{live}`: `{key}` is replaced by the scene's value of that key (in waitFor too). */
  path: string;
  /** A Playwright selector that is on screen once the route shows what it should. */
  waitFor?: string;
  /** Steps to the state shown (fill a form, open a panel), after the screen is up. */
  prepare?: (page: Page) => Promise<void>;
}

/** Saved; skipped because the build has no such screen; or not taken because the screen never showed its content. */
export type Outcome = { saved: string } | { skipped: string } | { incomplete: string };

export const viewport = { width: 1280, height: 800 };

/** `{key}` replaced by the scene's value; `encode` for a path segment. */
export function fillIn(template: string, values: Record<string, string>, encode = false): string {
  return template.replace(/\{(\w+)\}/g, (_whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`screenshot route ${template}: no value for {${key}}`);
    return encode ? encodeURIComponent(value) : value;
  });
}

/** The screen id of a hash path (`#/runs/abc` → `runs`), as the app's router reads it. */
export function screenOf(path: string): string {
  return path.replace(/^#\/?/, '').split('/').find(Boolean)?.toLowerCase() ?? 'dashboard';
}

export async function captureRoute(
  browser: Browser,
  hostUrl: string,
  route: ScreenshotRoute,
  theme: Theme,
  values: Record<string, string>,
  file: string,
): Promise<Outcome> {
  const context = await browser.newContext({ viewport, colorScheme: theme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  try {
    const path = fillIn(route.path, values, true);
    await page.goto(hostUrl);
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 15_000 });
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, path);
    const wanted = screenOf(path);
    // The router answers an unknown screen by going to the dashboard: that route does not exist (yet).
    await page.waitForTimeout(150);
    const shown = await page.locator('main').getAttribute('data-screen');
    if (shown !== wanted) return { skipped: `${path} is not a screen of this build (it showed ${shown})` };
    if (route.waitFor) {
      const selector = fillIn(route.waitFor, values);
      try {
        await page.locator(selector).first().waitFor({ timeout: 15_000 });
      } catch {
        return { incomplete: `${path} never showed ${selector} in 15 s` };
      }
    }
    await settle(page);
    if (route.prepare) {
      await route.prepare(page);
      await settle(page);
    }
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    return { saved: file };
  } finally {
    await context.close();
  }
}

/** Scrolls the app's <main> so the first element matching `selector` sits `offset` px below its top. */
export async function scrollMainTo(page: Page, selector: string, offset = 24): Promise<void> {
  await page
    .locator(selector)
    .first()
    .evaluate((el, gap) => {
      const main = el.closest('main');
      if (!main) return;
      main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - gap;
    }, offset);
}

/** Until no "Loading…" line is left and the page has painted what came in. */
async function settle(page: Page): Promise<void> {
  await page
    .locator('.loading')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  // Charts and virtual lists measure themselves after the first paint.
  await page.waitForTimeout(300);
}
