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
    // The full schema: every problem of the file at once, each at its field's line:column.
    expect(runbooks[2]!.problems).toEqual([
      {
        severity: 'error',
        file: '.release-pilot/runbooks/nosteps.yaml',
        field: 'roles',
        line: 1,
        column: 1,
        message: 'missing required field `roles`',
      },
      {
        severity: 'error',
        file: '.release-pilot/runbooks/nosteps.yaml',
        field: 'steps',
        line: 2,
        column: 8,
        message: 'expected a list, found 3',
      },
    ]);
    expect(runbooks[1]!.problems.map((p) => [p.field, p.line, p.message])).toEqual([
      ['roles', 1, 'missing required field `roles`'],
      ['steps[0].title', 4, 'missing required field `title`'],
      ['steps[0].owner', 4, 'missing required field `owner`'],
      ['steps[1].title', 5, 'missing required field `title`'],
      ['steps[1].owner', 5, 'missing required field `owner`'],
    ]);
    const environments = await readEnvironmentSummaries(root);
    expect(environments.map((e) => [e.name, e.protected, e.hostCount])).toEqual([
      ['staging', false, 1],
      ['production', true, 2],
    ]);

    const summary = await summarizeProject(realpathSync(root));
    expect(summary).toMatchObject({ id: projectIdOf(realpathSync(root)), runbookCount: 3, environmentCount: 2 });
    // 1 syntax error + 2 + 5 schema errors in the runbooks; each host written as a bare name
    // (`hosts: [a]`) instead of a mapping: 3 more.
    expect(summary.problems).toHaveLength(11);
    expect(environments[1]!.problems.map((p) => p.field)).toEqual([
      'environments.production.hosts[0]',
      'environments.production.hosts[1]',
    ]);
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

  it('lists the built-in runbook for a project without one, and the cross-file warnings', async () => {
    const root = tempDir();
    makeProject(root, {
      '.release-pilot/environments.yml': 'environments:\n  lab:\n    approvals: [sre]\n',
    });
    const runbooks = await readRunbookSummaries(root);
    expect(runbooks.map((r) => [r.id, r.title, r.file, r.stepCount])).toEqual([
      ['default', 'Deployment workflow (built-in)', '<built-in>/runbooks/default.yml', 9],
    ]);
    // Its staging, pre-production and production steps name environments this project lacks.
    expect(runbooks[0]!.problems.map((p) => [p.severity, p.field])).toEqual([
      ['warning', 'steps[2].environments[0]'],
      ['warning', 'steps[3].environments[0]'],
      ['warning', 'steps[4].environments[0]'],
    ]);
    const [lab] = await readEnvironmentSummaries(root);
    expect(lab!.problems).toEqual([
      {
        severity: 'warning',
        file: '.release-pilot/environments.yml',
        line: 3,
        column: 17,
        field: 'environments.lab.approvals[0]',
        message: 'role "sre" is not a role of runbook "default": add it to its roles: so someone can approve',
      },
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
