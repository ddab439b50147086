import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planEnvironments, planProject } from '../../core/planning/test-support/plan-project';
import { useTempDirs } from '../../core/test-support/temp-dir';

// `release-pilot plan` as a person runs it: the real bin script in a child process, against a
// real git project, reading the live version from this machine's run history.
const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'release-pilot.mjs');

function cli(args: string[]) {
  return spawnSync(process.execPath, [bin, 'plan', ...args], { encoding: 'utf8', timeout: 30_000 });
}

describe('release-pilot plan', () => {
  const tempDir = useTempDirs();
  const setUp = async () => {
    const { root, dataDir, project } = await planProject(tempDir(), tempDir());
    return { root, dataDir, project, base: ['--project', root, '--env', 'production', '-d', dataDir] };
  };

  it('prints the plan as markdown: strategy, steps per host, rollback to the live version, monitoring', async () => {
    const { base, project } = await setUp();
    const result = cli([...base, '--version', 'v1.1.0']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const md = result.stdout;
    expect(md).toMatch(/^# Deployment plan: v1\.1\.0 to production\n/);
    expect(md).toContain(`| Version | \`v1.1.0\` (commit \`${project.tags['v1.1.0']!.slice(0, 12)}\`) |`);
    expect(md).toContain('| Live before | `v1.0.0` |');
    expect(md).toContain("**rolling** (the runbook's default)");
    expect(md).toContain('### 1. Deploy \\| restart (`deploy`)');
    expect(md).toContain('| `deploy.one` | On web-2: true | `ssh.exec` | web-2 |');
    expect(md).toContain('| web-1 | `deploy.restart`, `@rollback.1` |');
    expect(md).toContain('Rolls production back to `v1.0.0`');
    expect(md).toContain('| HighErrorRate | `error_rate > 5%` | 5m | critical | rollback |');
    expect(md).toContain('No schedule: runs may start at any time.');
  });

  it('writes the plan to a file with -o and names its digest, which does not change with the time', async () => {
    const { base, root } = await setUp();
    const file = join(root, 'plan.md');
    const written = cli([...base, '--version', 'v1.1.0', '--strategy', 'canary', '-o', file]);
    expect(written.status).toBe(2); // canary without a proxy cannot run: said, and the plan is still written
    const digest = /digest sha256:([0-9a-f]{64})/.exec(written.stderr)?.[1];
    expect(digest).toBeDefined();
    expect(written.stderr).toContain('canary switches traffic through a proxy: give production a proxy: section');
    const md = readFileSync(file, 'utf8');
    expect(md).toContain(`\`sha256:${digest}\``);
    expect(md).toContain('**canary** (chosen for this run)');
    const json = JSON.parse(cli([...base, '--version', 'v1.1.0', '--strategy', 'canary', '--json']).stdout);
    expect(json.digest).toBe(digest);
    expect(json.rollback.previousVersion).toBe('v1.0.0');
  });

  it('names the environment, runbook or strategy it does not know, and lists the choices', async () => {
    const { root, dataDir } = await setUp();
    const env = cli(['--project', root, '--env', 'prod', '--version', 'v1.1.0', '-d', dataDir]);
    expect(env.status).toBe(2);
    expect(env.stderr).toContain(
      'release-pilot plan: no environment "prod" in .release-pilot/environments.yml (environments: staging, production)',
    );
    const runbook = cli(['--project', root, '--env', 'staging', '--version', 'v1', '--runbook', 'api', '-d', dataDir]);
    expect(runbook.status).toBe(2);
    expect(runbook.stderr).toContain(`no runbook "api" in ${root} (runbooks: web)`);
    const strategy = cli([
      '--project',
      root,
      '--env',
      'staging',
      '--version',
      'v1',
      '--strategy',
      'yolo',
      '-d',
      dataDir,
    ]);
    expect(strategy.status).toBe(2);
    expect(strategy.stderr).toContain('unknown strategy "yolo": use one of blue-green, rolling, canary');
    const version = cli(['--project', root, '--env', 'staging', '--version', '-x', '-d', dataDir]);
    expect(version.status).toBe(2);
  });

  it('says what is wrong with a folder that is not a project, and with an output it cannot write', async () => {
    const { base, root } = await setUp();
    const empty = tempDir();
    const notProject = cli(['--project', empty, '--env', 'production', '--version', 'v1']);
    expect(notProject.status).toBe(2);
    expect(notProject.stderr).toContain(`${empty} has no .release-pilot/environments.yml`);
    mkdirSync(join(root, 'dir'));
    const unwritable = cli([...base, '--version', 'v1.1.0', '-o', join(root, 'dir')]);
    expect(unwritable.status).toBe(1);
    expect(unwritable.stderr).toBe(`release-pilot plan: cannot write the plan to ${join(root, 'dir')} (EISDIR)\n`);
  });

  it('lists a step naming a host the environment lacks as a problem, exit 2', async () => {
    const { project, root, dataDir } = await setUp();
    project.write('.release-pilot/environments.yml', planEnvironments.replace('- { name: web-2', '- { name: web-3'));
    const result = cli(['--project', root, '--env', 'production', '--version', 'v1.1.0', '-d', dataDir]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('## Problems to fix before the run');
    expect(result.stderr).toContain(
      'deploy.one: host "web-2" is not in environment "production" (hosts: web-1, web-3)',
    );
  });
});
