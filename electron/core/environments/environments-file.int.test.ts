import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { makeLabProject } from '../test-lab/lab-project';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { digestOf, readEnvironmentsText, saveEnvironmentsText } from './environments-file';

// The editor's file on a real disk: a save with a mistake leaves the file (and its backup)
// untouched and says where the mistake is; a good save replaces the file atomically and keeps the
// old one as .bak; a file changed meanwhile is not overwritten.

const runbook = 'title: Deploy\nroles: { devops: DevOps }\nsteps:\n  - { id: go, title: Go, owner: devops }\n';
const original = 'environments:\n  staging:\n    description: Staging\n';

describe('environments file editing', () => {
  const tempDir = useTempDirs('rp-env-file-');
  const setup = () => {
    const root = tempDir();
    makeLabProject(root, { runbook, environments: original });
    return { root, file: join(root, '.release-pilot', 'environments.yml') };
  };

  it('reads the text with its digest and the validated environments', async () => {
    const { root, file } = setup();
    const read = await readEnvironmentsText(root);
    expect(read).toMatchObject({ path: file, file: '.release-pilot/environments.yml', exists: true, text: original });
    expect(read.digest).toBe(digestOf(original));
    expect(read.problems).toEqual([]);
    expect(read.environments?.[0]).toMatchObject({ name: 'staging', description: 'Staging', protected: false });
  });

  it('refuses text with mistakes, naming line and column, and leaves the file as it was', async () => {
    const { root, file } = setup();
    const broken = 'environments:\n  staging:\n    protected: maybe\n    hosts:\n      - name: web-1\n';
    const result = await saveEnvironmentsText(root, broken, digestOf(original));
    expect(result.saved).toBe(false);
    expect(result.digest).toBe(digestOf(original));
    const located = result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity}`);
    expect(located).toContain('.release-pilot/environments.yml:3:16 error');
    expect(located.some((l) => l.startsWith('.release-pilot/environments.yml:5:'))).toBe(true);
    expect(result.problems.find((p) => p.line === 3)?.field).toBe('environments.staging.protected');
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it('refuses a YAML syntax error at its line and column', async () => {
    const { root } = setup();
    const result = await saveEnvironmentsText(root, 'environments:\n  staging:\n   bad: [unclosed\n');
    expect(result.saved).toBe(false);
    expect(result.problems[0]).toMatchObject({
      severity: 'error',
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });

  it('saves valid text atomically, keeping the previous file as environments.yml.bak', async () => {
    const { root, file } = setup();
    const next = 'environments:\n  staging:\n    description: Staging, now protected\n    protected: true\n';
    const result = await saveEnvironmentsText(root, next, digestOf(original));
    expect(result).toMatchObject({ saved: true, path: file, backup: `${file}.bak`, digest: digestOf(next) });
    expect(readFileSync(file, 'utf8')).toBe(next);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);
    // No temporary file is left behind.
    expect(readdirSync(join(root, '.release-pilot')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Warnings do not block a save, and come back with their place.
    const warned = await saveEnvironmentsText(root, 'environments:\n  prod:\n    requires: [stagin]\n');
    expect(warned.saved).toBe(true);
    expect(warned.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 3 })]);
  });

  it('does not overwrite a file that changed on disk since the editor read it', async () => {
    const { root, file } = setup();
    const read = await readEnvironmentsText(root);
    writeFileSync(file, 'environments:\n  staging: {}\n  qa: {}\n');
    const error = await rejectionOf(saveEnvironmentsText(root, original, read.digest), ApiError);
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/^\.release-pilot\/environments\.yml changed on disk since you opened it/);
    expect(readFileSync(file, 'utf8')).toBe('environments:\n  staging: {}\n  qa: {}\n');
  });

  it('creates the file when the project has none yet', async () => {
    const { root, file } = setup();
    rmSync(file);
    const read = await readEnvironmentsText(root);
    expect(read).toMatchObject({ exists: false, text: '', problems: [] });
    const result = await saveEnvironmentsText(root, original, read.digest);
    expect(result.saved).toBe(true);
    expect(result.backup).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(original);
  });
});
