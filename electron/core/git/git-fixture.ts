import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rejectionOf } from '../test-support/rejection';
import { GitError } from './git-error';

// Test support: real repositories made with the git command line, with fixed identities and
// dates so shas and orderings do not depend on the machine or the clock.

let tick = 0;

export function git(cwd: string, ...args: string[]): string {
  tick += 1;
  const date = `2026-01-01T10:${String(Math.floor(tick / 60) % 60).padStart(2, '0')}:${String(tick % 60).padStart(2, '0')}Z`;
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ada Release',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_COMMITTER_NAME: 'Ada Release',
      GIT_COMMITTER_EMAIL: 'ada@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  }).trim();
}

export function commitFile(repo: string, file: string, text: string, subject: string): string {
  writeFileSync(join(repo, file), text);
  git(repo, 'add', '--', file);
  git(repo, 'commit', '-q', '-m', subject);
  return git(repo, 'rev-parse', 'HEAD');
}

export interface Fixture {
  /** Where history was made; origin was cloned from it and is its remote, to publish more. */
  seed: string;
  /** Bare repository standing in for the team's remote. */
  origin: string;
  /** A clone of origin: the repository under test. */
  clone: string;
  shas: Record<'first' | 'second' | 'third' | 'fourth', string>;
}

/**
 * main: first (v1.0.0, annotated) → second (v1.1.0, lightweight) → third (v1.2.0, annotated)
 * → fourth; branch release/1.x at second.
 */
export function makeFixture(root: string): Fixture {
  const seed = join(root, 'seed');
  const origin = join(root, 'origin.git');
  const clone = join(root, 'clone');
  git(root, 'init', '-q', '-b', 'main', seed);
  const first = commitFile(seed, 'app.txt', 'one\n', 'First commit');
  git(seed, 'tag', '-a', '-m', 'Release 1.0.0', 'v1.0.0');
  const second = commitFile(seed, 'app.txt', 'two\n', 'Add login page');
  git(seed, 'tag', 'v1.1.0');
  git(seed, 'branch', 'release/1.x');
  const third = commitFile(seed, 'app.txt', 'three\n', 'Fix "quoted" subject; with | pipes');
  git(seed, 'tag', '-a', '-m', 'Release 1.2.0', 'v1.2.0');
  const fourth = commitFile(seed, 'app.txt', 'four\n', 'Work after 1.2.0');
  git(root, 'clone', '-q', '--bare', seed, origin);
  git(seed, 'remote', 'add', 'origin', origin);
  git(root, 'clone', '-q', origin, clone);
  git(clone, 'config', 'user.name', 'Ada Release');
  git(clone, 'config', 'user.email', 'ada@example.com');
  return { seed, origin, clone, shas: { first, second, third, fourth } };
}

/** The GitError a promise rejects with. */
export const refusal = (promise: Promise<unknown>): Promise<GitError> => rejectionOf(promise, GitError);
