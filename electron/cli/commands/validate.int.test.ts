import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../core/test-support/temp-dir';

// `release-pilot validate` as CI runs it: the real bin script in a child process, real files.
const repo = join(import.meta.dirname, '..', '..', '..');
const bin = join(repo, 'bin', 'release-pilot.mjs');
const example = join(repo, 'docs', 'examples', 'lab-project');

function validate(args: string[], cwd = repo) {
  const result = spawnSync(process.execPath, [bin, 'validate', ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    lines: result.stdout.trim().split('\n'),
  };
}

function write(root: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const badRunbook = `title: Broken
roles: { devops: DevOps }
steps:
  - id: deploy
    title: Deploy
    owner: devops
    environments: [prod]
    actions:
      - type: shell
      - { type: http.check, timout: 5s }
`;
const badEnvironments = `environments:
  staging:
    hosts:
      - { name: web-1, address: 10.0.0.1, port: 0 }
`;

describe('release-pilot validate', () => {
  const tempDir = useTempDirs();

  it('passes the documented example project, relative to the current folder', () => {
    const result = validate(['docs/examples/lab-project']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.lines).toEqual(['2 files, no problems']);
    expect(validate(['.release-pilot'], example).lines).toEqual(['2 files, no problems']);
  });

  it('prints every problem like a compiler, then a summary, and exits 2', () => {
    const root = write(tempDir(), {
      '.release-pilot/runbook.yml': badRunbook,
      '.release-pilot/environments.yml': badEnvironments,
    });
    const result = validate(['.'], root);
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([
      '.release-pilot/runbook.yml:7:20: warning: steps[0].environments[0]: environment "prod" is not defined in .release-pilot/environments.yml (defined: staging); the step will be skipped in every run',
      '.release-pilot/runbook.yml:9:9: error: steps[0].actions[0].argv: missing required field `argv`: write the command as a list: [program, arg1, arg2]',
      '.release-pilot/runbook.yml:10:29: error: steps[0].actions[1].timout: unknown field `timout`; did you mean `timeout`?',
      '.release-pilot/environments.yml:4:9: error: environments.staging.hosts[0]: pin the host key (hostKey: SHA256:…) or name a knownHosts file, so a changed key is caught',
      '.release-pilot/environments.yml:4:49: error: environments.staging.hosts[0].port: must be at least 1, found 0',
      '2 files, 4 errors, 1 warning',
    ]);
  });

  it('prints the problems as JSON with --json, with paths as given', () => {
    const root = write(tempDir(), { '.release-pilot/runbook.yml': badRunbook });
    const result = validate(['--json', root]);
    expect(result.status).toBe(2);
    const problems = JSON.parse(result.stdout);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toEqual({
      severity: 'error',
      file: join(root, '.release-pilot', 'runbook.yml'),
      line: 9,
      column: 9,
      field: 'steps[0].actions[0].argv',
      message: 'missing required field `argv`: write the command as a list: [program, arg1, arg2]',
    });
  });

  it('checks one file: a runbook, or an environments file by its name or its environments: key', () => {
    const dir = write(tempDir(), {
      'runbook.yml': badRunbook,
      'environments.yml': badEnvironments,
      'envs-staging.yaml': badEnvironments,
      'good.yml': 'title: T\nroles: { a: A }\nsteps: [{ id: s, title: S, owner: a }]\n',
    });
    const runbook = validate(['runbook.yml'], dir);
    expect(runbook.status).toBe(2);
    expect(runbook.lines.at(-1)).toBe('1 file, 2 errors, 0 warnings');
    expect(runbook.stdout).not.toContain('prod'); // no environments file: no cross-file checks
    for (const name of ['environments.yml', 'envs-staging.yaml']) {
      const result = validate([name], dir);
      expect(result.status).toBe(2);
      expect(result.lines[0]).toMatch(
        new RegExp(`^${name}:4:9: error: environments\\.staging\\.hosts\\[0\\]: pin the host key`),
      );
    }
    expect(validate(['good.yml'], dir)).toMatchObject({ status: 0, lines: ['1 file, no problems'] });
    expect(validate([join(repo, 'docs', 'examples', 'lab-answers.yml')]).lines).toEqual(['1 file, no problems']);
  });

  it('exits 0 with warnings only, and says when the built-in runbook is what it checked', () => {
    const root = write(tempDir(), { '.release-pilot/environments.yml': 'environments:\n  lab: {}\n' });
    const result = validate([root]);
    expect(result.status).toBe(0);
    expect(result.lines.filter((l) => l.includes(': warning: '))).toHaveLength(3);
    expect(result.lines[0]).toMatch(
      /^<built-in>\/runbooks\/default\.yml:\d+:\d+: warning: steps\[2\]\.environments\[0\]: /,
    );
    expect(result.lines.slice(-2)).toEqual([
      'no runbook of its own: checked the built-in runbook it will use',
      '2 files, 0 errors, 3 warnings',
    ]);
  });

  it('reports YAML syntax errors with their positions', () => {
    const dir = write(tempDir(), { 'runbook.yml': 'title: T\nsteps:\n  - id: a\n   bad: indent\n' });
    const result = validate(['runbook.yml'], dir);
    expect(result.status).toBe(2);
    expect(result.lines[0]).toMatch(/^runbook\.yml:4:\d+: error: /);
  });

  it('refuses a missing path and a folder that is not a project, with exit 2', () => {
    const missing = validate(['no/such/place']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim()).toBe('release-pilot validate: no such file or directory: no/such/place');
    const empty = tempDir();
    const notProject = validate([empty]);
    expect(notProject.status).toBe(2);
    expect(notProject.stderr).toContain(`${empty} has no .release-pilot/ folder`);
  });
});
