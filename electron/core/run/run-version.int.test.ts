import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { git, makeFixture } from '../git/git-fixture';
import { silentLogger } from '../logging/logger';
import { loadDeploymentPlan } from '../planning/load-plan';
import { envSecrets } from '../secrets/env-secrets';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { dryRun } from './dry-run';
import { toApiError } from './run-api-errors';
import { previewRun } from './run-preview';
import { UnknownVersionError } from './run-version';
import { oneStepRunbook } from './test-support/one-step-runbook';
import { runInLab } from './test-support/run-harness';

// A version that names nothing is refused before the lock, by the run, the plan, the dry run and
// the start dialog's preview alike; tags a colleague pushed since the last fetch resolve; a remote
// that does not answer is said and local tags still decide; a project whose versions are image
// tags from CI says so and its runs say "not a git ref". Real repositories, a real bare remote.

const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'release-pilot.mjs');
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });

const runbook = (marker: string) =>
  oneStepRunbook({
    title: 'Version check',
    actions: [`{ type: shell, argv: [sh, -c, 'echo "\${version}" >> "$0"', ${JSON.stringify(marker)}] }`],
  });

describe('the version a run is asked for', () => {
  const tempDir = useTempDirs('rp-run-version-');

  /** A clone of a bare remote (tags v1.0.0, v1.1.0, v1.2.0) with a project whose one action writes a marker file. */
  function project(environments = 'environments:\n  staging: {}\n') {
    const fixture = makeFixture(tempDir());
    const marker = join(tempDir(), 'ran.txt');
    mkdirSync(join(fixture.clone, '.release-pilot'));
    writeFileSync(join(fixture.clone, '.release-pilot', 'runbook.yml'), runbook(marker));
    writeFileSync(join(fixture.clone, '.release-pilot', 'environments.yml'), environments);
    const answers = join(tempDir(), 'answers.yml');
    writeFileSync(answers, 'operator: { name: Ada Lovelace, role: devops }\n');
    return { ...fixture, root: fixture.clone, marker, answers, dataDir: tempDir() };
  }

  it('refuses v9 with exit 2 before the lock, naming the nearest tags: run, dry run and plan alike', () => {
    const p = project();
    const base = ['--project', p.root, '--env', 'staging', '--version', 'v9', '--data-dir', p.dataDir];
    const run = cli(['run', ...base, '--answers', p.answers]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`version "v9" is not a tag, branch or commit of ${p.root}`);
    expect(run.stderr).toContain('nearest tags: v1.2.0, v1.1.0, v1.0.0; tags were fetched from origin first');
    // Nothing was locked, journaled or run.
    expect(existsSync(join(p.dataDir, 'locks'))).toBe(false);
    expect(existsSync(join(p.dataDir, 'runs')) ? readdirSync(join(p.dataDir, 'runs')) : []).toEqual([]);
    expect(existsSync(p.marker)).toBe(false);

    for (const args of [
      ['run', ...base, '--dry-run'],
      ['plan', ...base],
    ]) {
      const refused = cli(args);
      expect(refused.status, args.join(' ')).toBe(2);
      expect(refused.stderr).toContain('nearest tags: v1.2.0, v1.1.0, v1.0.0');
    }
    expect(existsSync(join(p.dataDir, 'locks'))).toBe(false);
    expect(existsSync(p.marker)).toBe(false);
  });

  it('the start dialog preview is refused the same way, with a coded error naming the nearest tags', async () => {
    const p = project();
    const request = {
      projectRoot: p.root,
      environment: 'staging',
      version: 'v1.2.1',
      dataDir: p.dataDir,
      logger: silentLogger,
      secrets: envSecrets({}),
    };
    const error = await rejectionOf(previewRun(request), UnknownVersionError);
    expect(error.nearest).toEqual(['v1.2.0', 'v1.1.0', 'v1.0.0']);
    const api = toApiError(error);
    expect(api).toBeInstanceOf(ApiError);
    expect(api.code).toBe('invalid-request');
    expect(api.details).toEqual({ field: 'version', nearest: ['v1.2.0', 'v1.1.0', 'v1.0.0'] });
    await rejectionOf(dryRun(request), UnknownVersionError);
    await rejectionOf(loadDeploymentPlan(request), UnknownVersionError);
  });

  it('a tag pushed to the remote after the clone resolves: its tags are fetched first, and that is journaled', async () => {
    const p = project();
    const commit = git(p.seed, 'rev-parse', 'HEAD');
    git(p.seed, 'tag', 'v2.0.0');
    git(p.seed, 'push', '-q', 'origin', 'v2.0.0');
    expect(git(p.clone, 'tag', '--list', 'v2.0.0')).toBe('');

    const run = await runInLab({ projectRoot: p.root, dataDir: p.dataDir, environment: 'staging', version: 'v2.0.0' });

    expect(run.status).toBe('succeeded');
    expect(run.find('tags.fetched').map((e) => e.data)).toEqual([{ remote: 'origin', ok: true }]);
    expect(run.find('version.resolved')[0]?.data).toMatchObject({ version: 'v2.0.0', commit });
    expect(git(p.clone, 'rev-parse', 'v2.0.0^{commit}')).toBe(commit);
    expect(readFileSync(p.marker, 'utf8')).toBe('v2.0.0\n');
  });

  it('a remote that cannot be reached is said; local tags still resolve, and v9 is still refused', async () => {
    const p = project();
    const gone = join(tempDir(), 'moved-away.git');
    git(p.clone, 'remote', 'set-url', 'origin', gone);

    const run = await runInLab({ projectRoot: p.root, dataDir: p.dataDir, environment: 'staging', version: 'v1.1.0' });

    expect(run.status).toBe('succeeded');
    const fetched = run.find('tags.fetched').map((e) => e.data as { remote: string; ok: boolean; error?: string });
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatchObject({ remote: 'origin', ok: false });
    expect(fetched[0]?.error).toContain('fetch from origin failed');
    expect(readFileSync(p.marker, 'utf8')).toBe('v1.1.0\n');

    const refused = cli([
      'run',
      '--project',
      p.root,
      '--env',
      'staging',
      '--version',
      'v9',
      '--data-dir',
      p.dataDir,
      '--answers',
      p.answers,
    ]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('origin could not be reached');
    expect(refused.stderr).toContain('so only local refs were searched');
  });

  it('a project whose versions are not git refs runs them as given; the run and its report say "not a git ref"', async () => {
    const p = project('versions: not-git-refs\nenvironments:\n  staging: {}\n');

    const run = await runInLab({
      projectRoot: p.root,
      dataDir: p.dataDir,
      environment: 'staging',
      version: 'build-417',
    });

    expect(run.status).toBe('succeeded');
    expect(run.find('version.resolved')[0]?.data).toMatchObject({ version: 'build-417', notGitRef: true });
    expect(run.find('version.resolved')[0]?.data).not.toHaveProperty('commit');
    expect(run.find('tags.fetched')).toEqual([]);
    expect(readFileSync(p.marker, 'utf8')).toBe('build-417\n');
    expect(readFileSync(join(run.runDir, 'report.md'), 'utf8')).toContain(
      '`build-417`, previous version not recorded, not a git ref',
    );

    const dry = cli([
      'run',
      '--project',
      p.root,
      '--env',
      'staging',
      '--version',
      'build-418',
      '--data-dir',
      p.dataDir,
      '--dry-run',
    ]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('@ build-418 (not a git ref)');
  });

  it('a project folder that is not a git repository is refused, saying how to declare versions that are not git refs', async () => {
    const root = tempDir();
    mkdirSync(join(root, '.release-pilot'));
    writeFileSync(join(root, '.release-pilot', 'runbook.yml'), runbook(join(tempDir(), 'ran.txt')));
    writeFileSync(join(root, '.release-pilot', 'environments.yml'), 'environments:\n  staging: {}\n');
    const refused = cli(['plan', '--project', root, '--env', 'staging', '--version', 'v1', '--data-dir', tempDir()]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('not a git repository');
    expect(refused.stderr).toContain('versions: not-git-refs');
  });
});
