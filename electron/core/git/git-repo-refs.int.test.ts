import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { git, makeFixture, refusal } from './git-fixture';
import { createGitRepo } from './git-repo';

describe('git repository: refs, checkout, history (real repositories)', () => {
  const tempDir = useTempDirs('rp-git-');

  it('resolves tags, local and remote-tracking branches, and abbreviated shas', async () => {
    const { clone, shas } = makeFixture(tempDir());
    const repo = createGitRepo(clone);
    expect(await repo.resolve('v1.0.0')).toEqual({
      ref: 'v1.0.0',
      commit: shas.first,
      kind: 'tag',
      fullName: 'refs/tags/v1.0.0',
    });
    expect((await repo.resolve('v1.1.0')).commit).toBe(shas.second);
    expect(await repo.resolve('main')).toEqual({
      ref: 'main',
      commit: shas.fourth,
      kind: 'branch',
      fullName: 'refs/heads/main',
    });
    expect(await repo.resolve('origin/release/1.x')).toMatchObject({ commit: shas.second, kind: 'branch' });
    // Only on the remote after a fresh clone: found as origin's branch.
    expect(await repo.resolve('release/1.x')).toMatchObject({
      commit: shas.second,
      kind: 'branch',
      fullName: 'refs/remotes/origin/release/1.x',
    });
    expect(await repo.resolve(shas.third.slice(0, 8))).toEqual({
      ref: shas.third.slice(0, 8),
      commit: shas.third,
      kind: 'commit',
    });
    expect((await repo.resolve('HEAD~1')).commit).toBe(shas.third);
    expect(await repo.currentCommit()).toBe(shas.fourth);
  });

  it('refuses an unknown ref naming it and the repo', async () => {
    const { clone } = makeFixture(tempDir());
    const error = await refusal(createGitRepo(clone).resolve('v9.9.9'));
    expect(error.code).toBe('unknown-ref');
    expect(error.message).toBe(`${clone}: unknown ref "v9.9.9" (no tag, branch or commit by that name)`);
    expect(error.details).toEqual({ repo: clone, ref: 'v9.9.9' });
  });

  it('never lets a ref be read as an option, and treats shell syntax literally', async () => {
    const root = tempDir();
    const { clone } = makeFixture(root);
    const repo = createGitRepo(clone);
    const marker = join(root, 'pwned');
    const hostile = `--upload-pack=touch ${marker}`;
    for (const attempt of [
      () => repo.resolve(hostile),
      () => repo.checkout(hostile),
      () => repo.fetch({ remote: hostile }),
      () => repo.createTag(hostile),
      () => repo.pushTag('v1.0.0', hostile),
      () => repo.commitsBetween(hostile, 'main'),
    ]) {
      const error = await refusal(attempt());
      expect(error.code).toBe('invalid-ref');
      expect(error.message).toContain(JSON.stringify(hostile));
    }
    const literal = await refusal(repo.resolve(`$(touch ${marker})`));
    expect(literal.code).toBe('unknown-ref');
    expect(existsSync(marker)).toBe(false);
  });

  it('checks out a tag detached and a branch as itself', async () => {
    const { clone, shas } = makeFixture(tempDir());
    const repo = createGitRepo(clone);
    const target = await repo.checkout('v1.2.0');
    expect(target.commit).toBe(shas.third);
    expect(git(clone, 'rev-parse', 'HEAD')).toBe(shas.third);
    expect(git(clone, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('HEAD');
    await repo.checkout(shas.first.slice(0, 10));
    expect(await repo.currentCommit()).toBe(shas.first);
    await repo.checkout('main');
    expect(git(clone, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    // A checkout that would overwrite local edits fails with git's reason and the repo named.
    writeFileSync(join(clone, 'app.txt'), 'local edit\n');
    const error = await refusal(repo.checkout('v1.0.0'));
    expect(error.code).toBe('git-failed');
    expect(error.message).toMatch(new RegExp(`^${clone}: checkout of "v1.0.0" failed: error: Your local changes`));
  });

  it('reports a dirty tree, listing at most 10 paths, and a clean one', async () => {
    const { clone } = makeFixture(tempDir());
    const repo = createGitRepo(clone);
    expect(await repo.isClean()).toEqual({ clean: true, changes: [] });
    await repo.verifyClean();
    writeFileSync(join(clone, 'app.txt'), 'edited\n');
    mkdirSync(join(clone, 'new dir'));
    for (let i = 0; i < 11; i++) writeFileSync(join(clone, `untracked-${String(i).padStart(2, '0')}.txt`), 'x');
    git(clone, 'mv', 'app.txt', 'renamed app.txt');
    const status = await repo.isClean();
    expect(status.clean).toBe(false);
    expect(status.changes).toContain('renamed app.txt');
    expect(status.changes).toHaveLength(12);
    const error = await refusal(repo.verifyClean());
    expect(error.code).toBe('dirty-tree');
    expect(error.message).toMatch(
      new RegExp(`^${clone}: working tree has uncommitted changes \\(12\\): .* and 2 more$`),
    );
    expect(error.details.changes).toHaveLength(10);
  });

  it('lists commits between two refs (from exclusive, to inclusive), or the last 50', async () => {
    const { clone, shas } = makeFixture(tempDir());
    const repo = createGitRepo(clone);
    const between = await repo.commitsBetween('v1.0.0', 'v1.2.0');
    expect(between.map((c) => c.sha)).toEqual([shas.third, shas.second]);
    expect(between[0]).toEqual({
      sha: shas.third,
      shortSha: shas.third.slice(0, between[0]!.shortSha.length),
      author: 'Ada Release',
      email: 'ada@example.com',
      date: expect.stringMatching(/^2026-01-01T10:/),
      subject: 'Fix "quoted" subject; with | pipes',
    });
    expect((await repo.commitsBetween(undefined, 'main')).map((c) => c.sha)).toEqual([
      shas.fourth,
      shas.third,
      shas.second,
      shas.first,
    ]);
    expect(await repo.commitsBetween('main', 'main')).toEqual([]);
    expect((await refusal(repo.commitsBetween('v0.0.1', 'main'))).code).toBe('unknown-ref');
  });

  it('offers recent refs for a version picker: tags by version, newest first, and recent commits', async () => {
    const { clone, shas } = makeFixture(tempDir());
    git(clone, 'tag', 'v1.10.0-rc.1', shas.fourth);
    git(clone, 'tag', 'v1.2.0-beta', shas.third);
    git(clone, 'tag', 'nightly', shas.fourth);
    const repo = createGitRepo(clone);
    const { tags, commits } = await repo.recentRefs({ tags: 20, commits: 2 });
    expect(tags.map((t) => t.name)).toEqual(['v1.10.0-rc.1', 'v1.2.0', 'v1.2.0-beta', 'v1.1.0', 'v1.0.0', 'nightly']);
    expect(tags[1]).toEqual({ name: 'v1.2.0', commit: shas.third, date: expect.stringMatching(/^2026-01-01T10:/) });
    expect(commits.map((c) => c.sha)).toEqual([shas.fourth, shas.third]);
    expect((await repo.recentRefs({ tags: 2 })).tags).toHaveLength(2);
  });

  it('names the folder when it is not a repository, does not exist, or has no commits', async () => {
    const dir = tempDir();
    const error = await refusal(createGitRepo(dir).resolve('main'));
    expect(error.code).toBe('not-a-repo');
    expect(error.message).toMatch(new RegExp(`^${dir}: not a git repository \\(fatal: not a git repository`));
    const missing = join(dir, 'nowhere');
    expect((await refusal(createGitRepo(missing).currentCommit())).message).toBe(`${missing}: folder does not exist`);
    git(dir, 'init', '-q', 'empty');
    const empty = createGitRepo(join(dir, 'empty'));
    expect((await refusal(empty.currentCommit())).code).toBe('no-commits');
    expect(await empty.recentRefs()).toEqual({ tags: [], commits: [] });
  });
});
