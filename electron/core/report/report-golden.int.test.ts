import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../../../shared/report/fixtures/scenarios';
import { renderReport } from '../../../shared/report/render-report';
import { tableProblems } from '../../../shared/report/test-support/table-shapes';
import { readJournal, verifyJournal } from '../journal/journal-reader';
import { JOURNAL_FILE } from '../journal/journal-writer';
import { useTempDirs } from '../test-support/temp-dir';
import { writeScenarioJournal } from './write-scenario';

// Golden files: each recorded scenario is written with the real journal writer, read back with
// the real reader (hash chain checked), and its report compared byte for byte with the committed
// `<name>.golden.md`. The journal itself is committed too (`<name>.ndjson`), for the CLI and e2e
// tests. `UPDATE_GOLDEN=1 npx vitest run --project integration electron/core/report` rewrites both.

const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'report', 'fixtures');
const update = process.env.UPDATE_GOLDEN === '1';

describe('deployment report golden files', () => {
  const tempDir = useTempDirs('rp-report-golden-');

  for (const make of scenarios) {
    const scenario = make();
    it(`${scenario.name}: the report of the recorded journal matches ${scenario.name}.golden.md`, async () => {
      const runDir = join(tempDir(), scenario.runId);
      await writeScenarioJournal(runDir, scenario);
      const file = join(runDir, JOURNAL_FILE);
      const verdict = await verifyJournal(file);
      expect(verdict).toMatchObject({ ok: true, lines: scenario.events.length });
      const { events, problems } = await readJournal(file);
      expect(problems).toEqual([]);
      const markdown = renderReport(events);
      expect(tableProblems(markdown)).toEqual([]);
      expect(markdown).toContain(verdict.ok ? verdict.finalHash : 'no hash');

      const golden = join(fixtures, `${scenario.name}.golden.md`);
      const journalCopy = join(fixtures, `${scenario.name}.ndjson`);
      if (update) {
        writeFileSync(golden, markdown);
        writeFileSync(journalCopy, readFileSync(file));
      }
      expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
      expect(markdown).toBe(readFileSync(golden, 'utf8'));
      // The committed journal is exactly what the writer produces for this scenario.
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(journalCopy, 'utf8'));
    });
  }
});
