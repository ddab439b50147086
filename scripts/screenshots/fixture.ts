import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeScenarioJournal } from '../../electron/core/report/write-scenario';
import { makeLabProject } from '../../electron/core/test-lab/lab-project';
import type { Scenario } from '../../shared/report/fixtures/scenario-kit';
import {
  abortedRun,
  automaticRollback,
  cleanSuccess,
  retriedThenPassed,
  skippedStep,
} from '../../shared/report/fixtures/scenarios';
import {
  environmentsYaml,
  imageBuildScript,
  notificationsYaml,
  releaseTags,
  runbookYaml,
  testSuiteScript,
} from './fixture-files';

// The data the screenshots are taken of: the `shop-api` project on disk and a data folder holding
// five recorded production runs (succeeded, retried, skipped step, rolled back by an alert with its
// monitoring windows, aborted), written with the real journal writer as a run writes them.

export interface ScreenshotFixture {
  scratch: string;
  projectRoot: string;
  dataDir: string;
  /** Recorded runs by what they show. */
  runs: { succeeded: string; retried: string; skipped: string; rolledBack: string; aborted: string };
}

export async function makeScreenshotFixture(scratch: string): Promise<ScreenshotFixture> {
  // A fixed place, so paths in the screenshots are the same from one run of the script to the next.
  rmSync(scratch, { recursive: true, force: true });
  const projectRoot = join(scratch, 'shop-api');
  const dataDir = join(scratch, 'data');
  mkdirSync(dataDir, { recursive: true });
  // The scripts the runbook's shell actions run, committed with the release tags.
  mkdirSync(join(projectRoot, 'ci'), { recursive: true });
  writeFileSync(join(projectRoot, 'ci', 'test-suite.sh'), `${testSuiteScript}\n`);
  writeFileSync(join(projectRoot, 'ci', 'build-image.sh'), `${imageBuildScript}\n`);
  makeLabProject(projectRoot, { runbook: runbookYaml, environments: environmentsYaml }, releaseTags);
  writeFileSync(join(projectRoot, '.release-pilot', 'notifications.yml'), notificationsYaml);

  const scenarios: Record<keyof ScreenshotFixture['runs'], Scenario> = {
    succeeded: cleanSuccess(),
    retried: retriedThenPassed(),
    skipped: skippedStep(),
    rolledBack: automaticRollback(),
    aborted: abortedRun(),
  };
  for (const scenario of Object.values(scenarios)) {
    await writeScenarioJournal(join(dataDir, 'runs', scenario.runId), inProject(scenario, projectRoot));
  }
  const runs = Object.fromEntries(
    Object.entries(scenarios).map(([key, scenario]) => [key, scenario.runId]),
  ) as ScreenshotFixture['runs'];
  return { scratch, projectRoot, dataDir, runs };
}

/** The recorded runs as runs of this project (their journals name another folder), so the dashboard counts them. */
function inProject(scenario: Scenario, projectRoot: string): Scenario {
  return {
    ...scenario,
    events: scenario.events.map((event) =>
      event.type === 'run.started' ? { ...event, data: { ...event.data, projectPath: projectRoot } } : event,
    ),
  };
}
