import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { useTempDirs } from '../test-support/temp-dir';
import { readEnvironmentSummaries, readRunbookSummaries } from './project-files';
import { projectIdOf, resolveProjectRoot, summarizeProject } from './project-service';

/** A real git repository with a .release-pilot/ folder, as a team would keep it. */
function makeProject(root: string, files: Record<string, string>) {
  execFileSync('git', ['init', '-q', root]);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  execFileSync('git', ['-C', root, 'add', '-A']);
  execFileSync('git', ['-C', root, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-qm', 'init']);
}

async function refusal(path: string): Promise<ApiError> {
  const error = await resolveProjectRoot(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError for ${path}`);
  return error;
}

describe('opening a project (real folders and git repositories)', () => {
  const tempDir = useTempDirs();

  it('accepts a repository with a .release-pilot/ folder and resolves its real path', async () => {
    const root = tempDir();
    makeProject(root, { '.release-pilot/environments.yml': 'environments: {}\n' });
    expect(await resolveProjectRoot(`${root}/`)).toBe(realpathSync(root));
  });

  it('refuses with messages that name the path and say what to do', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'file.txt'), 'x');
    expect(await refusal(join(root, 'nope'))).toMatchObject({
      code: 'not-found',
      message: `no folder at ${join(root, 'nope')}`,
    });
    expect((await refusal(join(root, 'file.txt'))).message).toBe(
      `${join(root, 'file.txt')} is a file; choose the project's folder`,
    );
    expect((await refusal(root)).message).toContain(`${root} has no .release-pilot/ folder`);
    expect(await refusal('relative/path')).toMatchObject({ code: 'invalid-project' });
  });

  it('summarises runbooks and environments, with every problem at file:line:column', async () => {
    const root = tempDir();
    makeProject(root, {
      '.release-pilot/runbooks/deploy.yml':
        'id: deploy\ntitle: Production deployment\nsteps:\n  - id: prepare\n  - id: stage\n',
      '.release-pilot/runbooks/broken.yml': 'title: Broken\nsteps:\n  - id: a\n   bad: indent\n',
      '.release-pilot/runbooks/nosteps.yaml': 'title: No steps\nsteps: 3\n',
      '.release-pilot/runbooks/notes.txt': 'ignored',
      '.release-pilot/environments.yml':
        'environments:\n  staging:\n    hosts: [a]\n  production:\n    protected: true\n    hosts: [a, b]\n',
    });
    const runbooks = await readRunbookSummaries(root);
    expect(runbooks.map((r) => [r.id, r.title, r.stepCount])).toEqual([
      ['broken', 'broken', 0],
      ['deploy', 'Production deployment', 2],
      ['nosteps', 'No steps', 0],
    ]);
    const broken = runbooks[0]!.problems[0]!;
    expect(broken).toMatchObject({ severity: 'error', file: '.release-pilot/runbooks/broken.yml', line: 4 });
    expect(broken.column).toBeGreaterThan(0);
    expect(runbooks[2]!.problems).toEqual([
      {
        severity: 'error',
        file: '.release-pilot/runbooks/nosteps.yaml',
        field: 'steps',
        line: 2,
        column: 8,
        message: 'a runbook needs a `steps:` list',
      },
    ]);
    const environments = await readEnvironmentSummaries(root);
    expect(environments.map((e) => [e.name, e.protected, e.hostCount])).toEqual([
      ['staging', false, 1],
      ['production', true, 2],
    ]);

    const summary = await summarizeProject(realpathSync(root));
    expect(summary).toMatchObject({ id: projectIdOf(realpathSync(root)), runbookCount: 3, environmentCount: 2 });
    expect(summary.problems).toHaveLength(2);
  });

  it('reads a single .release-pilot/runbook.yml before the runbooks/ folder', async () => {
    const root = tempDir();
    makeProject(root, {
      '.release-pilot/runbook.yml': 'title: The one runbook\nsteps: []\n',
      '.release-pilot/runbooks/extra.yml': 'title: Extra\nsteps: []\n',
    });
    expect((await readRunbookSummaries(root)).map((r) => [r.id, r.file])).toEqual([
      ['runbook', '.release-pilot/runbook.yml'],
      ['extra', '.release-pilot/runbooks/extra.yml'],
    ]);
  });

  it('reports a broken environments.yml once, with its position', async () => {
    const root = tempDir();
    makeProject(root, { '.release-pilot/environments.yml': 'environments:\n  staging: [unclosed\n' });
    const summary = await summarizeProject(realpathSync(root));
    expect(summary.problems.length).toBeGreaterThanOrEqual(1);
    expect(summary.problems[0]).toMatchObject({ file: '.release-pilot/environments.yml', severity: 'error' });
    expect(summary.problems[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('keeps a project whose folder has gone, with a problem saying so', async () => {
    const root = tempDir();
    makeProject(root, { '.release-pilot/environments.yml': 'environments: {}\n' });
    const real = realpathSync(root);
    rmSync(root, { recursive: true, force: true });
    const summary = await summarizeProject(real);
    expect(summary.problems).toEqual([{ severity: 'error', file: real, message: `no folder at ${real}` }]);
  });
});
