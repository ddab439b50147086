import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Answers } from '../../../shared/formats/answers-schema';
import { runInLab } from '../run/test-support/run-harness';
import { useTempDirs } from '../test-support/temp-dir';
import { demoLayout } from './demo-layout';
import { resetDemo } from './demo-reset';
import { setUpDemo } from './demo-setup';
import { demoStatus } from './demo-status';

// A machine without nginx: the demo says what it needs and falls back to recreate, whose downtime
// the probes measure and the report shows. Real Docker; nginx is only "not found" (findProxy).

const cleanups: (() => Promise<unknown>)[] = [];

describe('the demo without nginx', () => {
  const tempDir = useTempDirs('rp-demo-recreate-');
  // Registered after the temp folders: after-hooks run last-registered first, so the demo is
  // reset (its nginx stopped) while its data folder still exists.
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('deploys by recreate, says why, and the second deployment reports a measured downtime', async () => {
    const dataDir = tempDir();
    const layout = demoLayout(dataDir);
    cleanups.push(() => resetDemo(dataDir, layout));
    const stages: string[] = [];
    const state = await setUpDemo({
      layout,
      progress: (stage) => stages.push(stage),
      findProxy: async () => undefined,
    });
    expect(state.strategy).toBe('recreate');
    expect(stages).toEqual(expect.arrayContaining(['check', 'repository']));
    expect(stages).not.toContain('proxy');
    const status = await demoStatus(layout);
    expect(status.proxy).toMatchObject({ kind: 'none', running: false });
    expect(status.proxy.message).toMatch(/nginx is not installed, so the demo deploys by recreate/);
    expect(status.proxy.message).toMatch(/sudo apt-get install nginx/);

    const answers = Answers.parse(parse(readFileSync(join(layout.project, 'answers.yml'), 'utf8')));
    const run = (version: string) =>
      runInLab({ projectRoot: layout.project, dataDir, environment: 'staging', version, answers });
    const first = await run('v1.0.0');
    expect(first.status, JSON.stringify(first.find('action.failed').map((e) => e.data))).toBe('succeeded');
    const second = await run('v1.1.0');
    expect(second.status).toBe('succeeded');
    expect(second.find('strategy.planned')[0]?.data).toMatchObject({ strategy: 'recreate' });
    const [downtime] = second.find('downtime.measured');
    expect(Number(downtime?.data.ms)).toBeGreaterThan(0);
    const report = readFileSync(join(second.runDir, 'report.md'), 'utf8');
    expect(report).toMatch(/[Dd]owntime/);
    expect((await fetch(`${status.urls?.staging ?? ''}/version`).then((r) => r.text())).trim()).toBe('v1.1.0');
  }, 180_000);
});
