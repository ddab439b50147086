import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusyboxCgiLab, startBusyboxCgi } from '../core/http/test-support/busybox-cgi-lab';
import { readJournal } from '../core/journal/journal-reader';
import { makeLabProject } from '../core/test-lab/lab-project';
import { useTempDirs } from '../core/test-support/temp-dir';

// Issue #19 item 4, in a run: an `http.check` action and a checklist item's http check against
// busybox httpd CGI pages (bare-LF head lines) pass or fail on the status curl reads.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');

let lab: BusyboxCgiLab;
beforeAll(async () => {
  lab = await startBusyboxCgi();
});
afterAll(() => lab.stop());

describe('release-pilot run against busybox httpd CGI', () => {
  const tempDir = useTempDirs('rp-cli-cgi-');

  it('http.check passes on the 200 page; a checklist http check expecting 500 passes on the broken page', async () => {
    const root = tempDir();
    makeLabProject(root, {
      runbook: `
title: CGI
roles: { devops: DevOps }
steps:
  - id: verify
    title: Verify
    owner: devops
    actions:
      - { type: http.check, url: "${lab.base}/cgi-bin/health", expectStatus: 200, expectBodyContains: healthy }
    checklists:
      - title: Errors
        items:
          - id: error-page
            text: The error page answers 500
            check: { type: http, url: "${lab.base}/cgi-bin/broken", expectStatus: 500, expectBodyContains: broken }
`,
      environments: 'environments:\n  staging: {}\n',
    });
    const answers = join(tempDir(), 'answers.yml');
    writeFileSync(answers, 'operator: { name: Ada Lovelace, role: devops }\n');
    const dataDir = tempDir();
    const run = spawnSync(
      process.execPath,
      [
        bin,
        'run',
        '--project',
        root,
        '--env',
        'staging',
        '--version',
        'v1.1.0',
        '--answers',
        answers,
        '--data-dir',
        dataDir,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const [runId] = readdirSync(join(dataDir, 'runs'));
    const { events } = await readJournal(join(dataDir, 'runs', runId!, 'journal.ndjson'));
    expect(events.filter((event) => event.type === 'action.passed')).toHaveLength(1);
    expect(events.find((event) => event.type === 'check.finished')?.data).toMatchObject({
      item: 'verify.error-page',
      ok: true,
    });
    expect(events.find((event) => event.type === 'run.finished')?.data).toMatchObject({ status: 'succeeded' });
  });
});
