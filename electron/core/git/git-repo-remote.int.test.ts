import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { commitFile, git, makeFixture, refusal } from './git-fixture';
import { createGitRepo } from './git-repo';

describe('git repository: fetch, tag, push (real bare origin)', () => {
  const tempDir = useTempDirs('rp-git-remote-');

  it('fetches new commits and tags from origin', async () => {
    const { seed, clone } = makeFixture(tempDir());
    const fifth = commitFile(seed, 'app.txt', 'five\n', 'Hotfix');
    git(seed, 'tag', '-a', '-m', 'Release 1.2.1', 'v1.2.1');
    git(seed, 'push', '-q', 'origin', 'main', 'v1.2.1');
    const repo = createGitRepo(clone);
    expect((await refusal(repo.resolve('v1.2.1'))).code).toBe('unknown-ref');
    const lines: string[] = [];
    await repo.fetch({ onOutput: (line, stream) => lines.push(`${stream}:${line}`) });
    expect(await repo.resolve('v1.2.1')).toMatchObject({ commit: fifth, kind: 'tag' });
    expect((await repo.resolve('origin/main')).commit).toBe(fifth);
    // git reports fetched refs on stderr; they arrive as whole lines.
    expect(lines.some((line) => line.startsWith('stderr:') && line.includes('v1.2.1'))).toBe(true);
  });

  it('creates lightweight and annotated tags, and pushes one to origin', async () => {
    const { origin, clone, shas } = makeFixture(tempDir());
    const repo = createGitRepo(clone);
    expect(await repo.createTag('v1.3.0-rc.1')).toMatchObject({ commit: shas.fourth, kind: 'tag' });
    expect(git(clone, 'cat-file', '-t', 'v1.3.0-rc.1')).toBe('commit');
    const annotated = await repo.createTag('v1.3.0', { message: 'Release 1.3.0\n\n- login page', commit: 'v1.2.0' });
    expect(annotated.commit).toBe(shas.third);
    expect(git(clone, 'cat-file', '-t', 'v1.3.0')).toBe('tag');
    expect(git(clone, 'tag', '-l', '--format=%(contents:subject)', 'v1.3.0')).toBe('Release 1.3.0');

    const lines: string[] = [];
    await repo.pushTag('v1.3.0', 'origin', { onOutput: (line) => lines.push(line) });
    expect(git(origin, 'rev-parse', 'v1.3.0^{commit}')).toBe(shas.third);
    expect(lines.some((line) => line.includes('refs/tags/v1.3.0'))).toBe(true);
  });

  it('refuses to create a tag that exists or is not a valid name', async () => {
    const { clone, shas } = makeFixture(tempDir());
    const repo = createGitRepo(clone);
    const exists = await refusal(repo.createTag('v1.0.0'));
    expect(exists.code).toBe('tag-exists');
    expect(exists.message).toBe(`${clone}: tag v1.0.0 already exists (at ${shas.first.slice(0, 12)})`);
    const invalid = await refusal(repo.createTag('v1..2'));
    expect(invalid.code).toBe('invalid-ref');
    expect(invalid.message).toBe(`${clone}: "v1..2" is not a valid tag name`);
    expect((await refusal(repo.createTag('v2.0.0', { commit: 'no-such-commit' }))).code).toBe('unknown-ref');
  });

  it('reports a push the remote rejects (tag already there, at another commit)', async () => {
    const { seed, clone } = makeFixture(tempDir());
    const other = createGitRepo(clone);
    git(seed, 'tag', 'v2.0.0', 'HEAD~1');
    git(seed, 'push', '-q', 'origin', 'v2.0.0');
    await other.createTag('v2.0.0');
    const error = await refusal(other.pushTag('v2.0.0'));
    expect(error.code).toBe('push-rejected');
    expect(error.message).toBe(`${clone}: origin rejected tag v2.0.0: [rejected] (already exists)`);
  });

  it('names the repo and remote when none is configured, and the tag when it does not exist', async () => {
    const root = tempDir();
    const { clone } = makeFixture(root);
    const repo = createGitRepo(clone);
    const noUpstream = await refusal(repo.fetch({ remote: 'upstream' }));
    expect(noUpstream.code).toBe('no-remote');
    expect(noUpstream.message).toBe(`${clone}: no remote named "upstream" is configured (remotes: origin)`);
    git(clone, 'remote', 'remove', 'origin');
    const none = await refusal(repo.fetch());
    expect(none.message).toBe(`${clone}: no remote named "origin" is configured (no remotes at all)`);
    const missingTag = await refusal(repo.pushTag('v9.0.0'));
    expect(missingTag.code).toBe('unknown-ref');
    expect(missingTag.message).toBe(`${clone}: no local tag v9.0.0 to push`);
  });

  it('fails clearly when origin is unreachable, and can be cancelled', async () => {
    const root = tempDir();
    const { clone } = makeFixture(root);
    git(clone, 'remote', 'set-url', 'origin', join(root, 'moved-away.git'));
    const repo = createGitRepo(clone);
    const error = await refusal(repo.fetch());
    expect(error.code).toBe('git-failed');
    expect(error.message).toMatch(
      new RegExp(`^${clone}: fetch from origin failed: fatal: '${root}/moved-away.git' does not appear`),
    );
    const cancelled = await refusal(repo.fetch({ signal: AbortSignal.abort() }));
    expect(cancelled.code).toBe('aborted');
  });

  it('exposes the plans for a dry run without running them', async () => {
    const { clone, shas } = makeFixture(tempDir());
    const repo = createGitRepo(clone);
    expect(repo.plan.fetch()).toEqual({
      kind: 'git',
      cwd: clone,
      args: ['fetch', '--tags', '--end-of-options', 'origin'],
      summary: 'fetch commits and tags from origin',
    });
    expect((await repo.plan.checkout('v1.2.0')).args).toEqual(['checkout', '--quiet', '--detach', shas.third]);
    expect((await repo.plan.createTag('v1.3.0', { message: 'm' })).args).toEqual([
      'tag',
      '-a',
      '-m',
      'm',
      '--end-of-options',
      'v1.3.0',
      shas.fourth,
    ]);
    expect(git(clone, 'tag', '-l', 'v1.3.0')).toBe('');
  });
});
