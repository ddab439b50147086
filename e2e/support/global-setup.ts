import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertChromium } from './chromium';
import { makeFixtureProject } from './fixture-project';
import { startHostProcess } from './web-host-process';

/**
 * Starts one browser host for the whole e2e run, on a free port with a scratch data directory,
 * and hands its URL to the specs through the environment (Playwright passes it to workers).
 */
export default async function globalSetup() {
  assertChromium();
  const scratch = mkdtempSync(join(tmpdir(), 'rp-e2e-'));
  const project = join(scratch, 'shop-api');
  makeFixtureProject(project);
  const host = await startHostProcess(['--port', '0', '--data-dir', join(scratch, 'data')]);
  const url = new URL(host.url);
  process.env.RP_E2E_URL = host.url;
  process.env.RP_E2E_ORIGIN = url.origin;
  process.env.RP_E2E_TOKEN = url.searchParams.get('token') ?? '';
  process.env.RP_E2E_PROJECT = project;
  return async () => {
    await host.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
}
