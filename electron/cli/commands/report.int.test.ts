import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../core/test-support/temp-dir';

// `release-pilot report` as a person or a CI job runs it: the real bin script in a child process,
// over recorded journals (written by the real journal writer, see shared/report/fixtures) in a
// real data directory.
const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'release-pilot.mjs');
const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'report', 'fixtures');
const runId = '20261105-0900-production';

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [bin, 'report', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ...env },
  });
}

describe('release-pilot report', () => {
  const tempDir = useTempDirs('rp-cli-report-');

  function dataDirWith(fixture = 'automatic-rollback', id = runId, transform?: (text: string) => string): string {
    const dataDir = tempDir();
    const dir = join(dataDir, 'runs', id);
    mkdirSync(dir, { recursive: true });
    const source = join(fixtures, `${fixture}.ndjson`);
    if (transform) writeFileSync(join(dir, 'journal.ndjson'), transform(readFileSync(source, 'utf8')));
    else copyFileSync(source, join(dir, 'journal.ndjson'));
    return dataDir;
  }

  it('prints the markdown report of a run: the golden file, byte for byte', () => {
    const result = cli([runId, '--data-dir', dataDirWith()]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(fixtures, 'automatic-rollback.golden.md'), 'utf8'));
  });

  it('prints the same content as JSON with --format json', () => {
    const result = cli([runId, '--format', 'json', '-d', dataDirWith()]);
    expect(result.status).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data).toMatchObject({
      runId,
      open: false,
      header: { environment: 'production', version: 'v1.5.0', previousVersion: 'v1.4.2' },
      results: { status: 'rolled-back', issueCount: 3, downtime: { ms: 1200 } },
    });
    expect(data.incidents[0].id).toBe('INC-2026-11-05-01');
  });

  it('writes -o atomically: the whole report, no temp file left behind', () => {
    const dataDir = dataDirWith();
    const outDir = tempDir();
    const file = join(outDir, 'report.md');
    const result = cli([runId, '-o', file, '-d', dataDir]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(`wrote the report of ${runId} to ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(fixtures, 'automatic-rollback.golden.md'), 'utf8'));
    expect(readdirSync(outDir)).toEqual(['report.md']);
  });

  it('names the run and the data directory for an unknown run id (exit 2), and refuses a bad format', () => {
    const dataDir = tempDir();
    const missing = cli(['no-such-run', '-d', dataDir]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe(`release-pilot report: no run no-such-run in ${join(dataDir, 'runs')}`);
    expect(missing.stdout).toBe('');
    const badId = cli(['../../etc', '-d', dataDir]);
    expect(badId.status).toBe(2);
    expect(badId.stderr).toContain('not a run id: ../../etc');
    const badFormat = cli([runId, '--format', 'pdf', '-d', dataDir]);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('Allowed choices are md, json');
  });

  it('says which file it cannot write, and leaves nothing half-written', () => {
    const dataDir = dataDirWith();
    const file = join(tempDir(), 'missing-folder', 'report.md');
    const result = cli([runId, '-o', file, '-d', dataDir]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(`release-pilot report: cannot write ${file} (ENOENT)`);
    expect(existsSync(file)).toBe(false);
  });

  it('reports a run still open, and a journal broken part-way, saying so', () => {
    const lines = (n: number) => (text: string) => `${text.split('\n').slice(0, n).join('\n')}\n`;
    const open = cli([runId, '-d', dataDirWith('automatic-rollback', runId, lines(30))]);
    expect(open.status).toBe(0);
    expect(open.stderr).toContain(`run ${runId} is still open`);
    expect(open.stdout).toContain('> ⚠ **This run is still open**');

    const tampered = (text: string) => text.replace('Go for the 10:00 window', 'Go anyway');
    const broken = cli([runId, '-d', dataDirWith('automatic-rollback', runId, tampered)]);
    expect(broken.status).toBe(0);
    expect(broken.stderr).toMatch(
      /the journal is broken at .*journal\.ndjson line \d+: hash does not match its content/,
    );
    expect(broken.stdout).toContain('**The journal could not be read to its end**');
  });

  it('masks the values of RELEASE_PILOT_SECRET_* variables', () => {
    const result = cli([runId, '-d', dataDirWith()], { RELEASE_PILOT_SECRET_HOOK: 'hooks.slack.com' });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('hooks.slack.com');
    expect(result.stdout).toContain('HTTP 502 from \\[secret\\]');
  });
});
