import { describe, expect, it } from 'vitest';
import { GitError } from './git-error';
import { describeGitPlan, planCheckout, planCreateTag, planFetch, planPushTag } from './git-plans';

const sha = 'a'.repeat(40);

function refusal(run: () => unknown): GitError {
  try {
    run();
  } catch (error) {
    if (error instanceof GitError) return error;
    throw error;
  }
  throw new Error('expected a GitError');
}

describe('git plans', () => {
  it('builds argv arrays with user input after --end-of-options', () => {
    expect(planFetch('/r').args).toEqual(['fetch', '--tags', '--end-of-options', 'origin']);
    expect(planFetch('/r', { remote: 'upstream', tags: false }).args).toEqual([
      'fetch',
      '--end-of-options',
      'upstream',
    ]);
    expect(planCreateTag('/r', 'v1.0.0', sha).args).toEqual(['tag', '--end-of-options', 'v1.0.0', sha]);
    expect(planCreateTag('/r', 'v1.0.0', sha, '-m looks like an option').args).toEqual([
      'tag',
      '-a',
      '-m',
      '-m looks like an option',
      '--end-of-options',
      'v1.0.0',
      sha,
    ]);
    expect(planPushTag('/r', 'v1.0.0').args).toEqual([
      'push',
      '--porcelain',
      '--end-of-options',
      'origin',
      'refs/tags/v1.0.0:refs/tags/v1.0.0',
    ]);
  });

  it('checks out a local branch by name and everything else detached at its commit', () => {
    const branch = planCheckout('/r', { ref: 'main', commit: sha, kind: 'branch', fullName: 'refs/heads/main' });
    expect(branch.args).toEqual(['checkout', '--quiet', 'main', '--']);
    const remote = planCheckout('/r', {
      ref: 'origin/x',
      commit: sha,
      kind: 'branch',
      fullName: 'refs/remotes/origin/x',
    });
    expect(remote.args).toEqual(['checkout', '--quiet', '--detach', sha]);
    expect(remote.summary).toBe(`check out branch origin/x (${sha.slice(0, 12)}, detached)`);
  });

  it('refuses option-like, empty and control-character names, and short commit ids', () => {
    const error = refusal(() => planFetch('/r', { remote: '--upload-pack=touch /tmp/x' }));
    expect(error.code).toBe('invalid-ref');
    expect(error.message).toBe('/r: "--upload-pack=touch /tmp/x" is not a valid remote name');
    expect(refusal(() => planPushTag('/r', '-f')).message).toBe('/r: "-f" is not a valid tag name');
    expect(refusal(() => planCreateTag('/r', 'v1\nv2', sha)).code).toBe('invalid-ref');
    expect(refusal(() => planCreateTag('/r', ' ', sha)).code).toBe('invalid-ref');
    expect(refusal(() => planCreateTag('/r', 'v1', 'abc123')).message).toBe('/r: "abc123" is not a full commit id');
  });

  it('describes a plan as a command a person could paste', () => {
    const plan = planCreateTag('/srv/my repo', 'v1.0.0', sha, "Release 1.0.0 — it's out");
    expect(describeGitPlan(plan)).toBe(
      `git -C '/srv/my repo' tag -a -m 'Release 1.0.0 — it'\\''s out' --end-of-options v1.0.0 ${sha}`,
    );
  });
});
