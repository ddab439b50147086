import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLabProject } from '../core/test-lab/lab-project';
import { killMidAction } from '../core/test-support/kill-mid-action';
import { useTempDirs } from '../core/test-support/temp-dir';

// `release-pilot run / resume / verify / runs` as an operator or a CI job runs them: the real bin
// in a child process, killed with SIGKILL mid-run, resumed, and its journal checked.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');

/** `run` of the test project against staging at v1.1.0, with any further options. */
function runArgs(root: string, dataDir: string, ...extra: string[]): string[] {
  return ['run', '--project', root, '--env', 'staging', '--version', 'v1.1.0', '--data-dir', dataDir, ...extra];
}

function cli(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
}

const runbook = `
title: CLI run
roles: { devops: DevOps Engineer }
steps:
  - id: prepare
    title: Prepare
    owner: devops
    checklists:
      - title: Readiness
        gate: 1
        items: [{ id: tests, text: All tests passing }]
    actions:
      - { type: shell, argv: [echo, preparing] }
  - id: deploy
    title: Deploy
    owner: devops
    actions:
      - { id: slow, type: shell, argv: [sleep, "2"] }
      - { id: done, type: shell, argv: [echo, deployed] }
`;

const answersYaml = `
operator: { name: Ada Lovelace, role: devops }
checklist:
  prepare.tests: { by: Ada Lovelace, note: "CI run 812 green" }
`;

describe('release-pilot run, resume and verify', () => {
  const tempDir = useTempDirs('rp-cli-run-');

  function setup() {
    const root = tempDir();
    makeLabProject(root, { runbook, environments: 'environments:\n  staging: {}\n' });
    const answers = join(tempDir(), 'answers.yml');
    writeFileSync(answers, answersYaml);
    return { root, answers, dataDir: tempDir() };
  }

  it('runs to success (exit 0), and verify checks the chain and names a tampered line (exit 1)', () => {
    const { root, answers, dataDir } = setup();
    const run = cli(runArgs(root, dataDir, '--answers', answers));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('☑ prepare.tests — Ada Lovelace (devops): CI run 812 green');
    expect(run.stdout).toContain('Run succeeded');
    const runId = /journal: (\S+)/.exec(run.stdout)![1]!;
    const verified = cli(['verify', runId, '--data-dir', dataDir]);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/journal intact, \d+ events, final hash [0-9a-f]{64}/);

    const file = join(dataDir, 'runs', runId, 'journal.ndjson');
    const lines = readFileSync(file, 'utf8').split('\n');
    // Someone edits a sign-off note after the fact: the hash of that line no longer matches.
    const tamperedAt = lines.findIndex(
      (line) => line.includes('CI run 812 green') && line.includes('checklist.ticked'),
    );
    expect(tamperedAt).toBeGreaterThan(0);
    lines[tamperedAt] = lines[tamperedAt]!.replace('CI run 812 green', 'CI run 813 green');
    writeFileSync(file, lines.join('\n'));
    const broken = cli(['verify', runId, '--data-dir', dataDir]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`line ${tamperedAt + 1}`);
  });

  it('keeps deploying when its terminal goes away (stdout closed mid-run)', async () => {
    const { root, answers, dataDir } = setup();
    const child = spawn(process.execPath, [bin, ...runArgs(root, dataDir, '--answers', answers)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const listed = JSON.parse(cli(['runs', '--json', '--data-dir', dataDir]).stdout) as Array<{ status: string }>;
    expect(listed.map((r) => r.status)).toEqual(['succeeded']);
  }, 30_000);

  it('--dry-run prints every step and resolved plan, and runs, locks and journals nothing', () => {
    const { root, dataDir } = setup();
    const dry = cli(runArgs(root, dataDir, '--dry-run'));
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run: runbook → staging @ v1\.1\.0 = [0-9a-f]{12}$/m);
    expect(dry.stdout).toContain('── Deploy (devops)');
    expect(dry.stdout).toContain('▶ deploy.slow  $ sleep 2');
    expect(dry.stdout).toContain('☐ All tests passing (gate 1)');
    expect(dry.stdout).toContain('Nothing was run, locked or journaled.');
    expect(JSON.parse(cli(['runs', '--json', '--data-dir', dataDir]).stdout)).toEqual([]);

    const bad = setup();
    writeFileSync(
      join(bad.root, '.release-pilot', 'runbook.yml'),
      runbook.replace('[echo, preparing]', '[echo, "${nope}"]'),
    );
    const unplanned = cli(runArgs(bad.root, bad.dataDir, '--dry-run'));
    expect(unplanned.status).toBe(2);
    expect(unplanned.stdout).toContain('✗ prepare.1  cannot be planned: ${nope} is not defined');
  });

  it('Ctrl-C interrupts: the running command is stopped, the interruption journaled, the run left open with its lock, and resumable at once', async () => {
    const { root, answers, dataDir } = setup();
    writeFileSync(join(root, '.release-pilot', 'runbook.yml'), runbook.replace('[sleep, "2"]', '[sleep, "38.5"]'));
    const child = spawn(process.execPath, [bin, ...runArgs(root, dataDir, '--answers', answers)], { stdio: 'pipe' });
    let out = '';
    let err = '';
    let live: { resume: ReturnType<typeof cli>; close: ReturnType<typeof cli> } | undefined;
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!live && out.includes('deploy.slow')) {
        // While it runs, nobody else may resume or close it: that would run its actions twice.
        const runId = /Run (\S+):/.exec(out)![1]!;
        live = {
          resume: cli(['resume', runId, '--answers', answers, '--data-dir', dataDir]),
          close: cli(['close', runId, '--reason', 'x', '--data-dir', dataDir]),
        };
        child.kill('SIGINT');
      }
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(live?.resume.status).toBe(2);
    expect(live?.resume.stderr).toMatch(/is still running in process \d+ on this machine/);
    expect(live?.close.status).toBe(2);
    expect(code).toBe(130);
    expect(out).toContain('■ interrupted by Ada Lovelace (SIGINT to release-pilot run');
    const runId = /Run (\S+):/.exec(out)![1]!;
    expect(err).toContain(`release-pilot resume ${runId}`);
    const journal = readFileSync(join(dataDir, 'runs', runId, 'journal.ndjson'), 'utf8');
    expect(journal).toContain('"type":"run.interrupted"');
    expect(journal).not.toContain('"type":"run.finished"');
    expect(existsSync(join(dataDir, 'locks', 'staging.lock'))).toBe(true);
    expect(spawnSync('pgrep', ['-fx', 'sleep 38.5']).status).toBe(1);

    // Straight away: the interrupted action is asked about (skipped, by the answers file) and the run ends.
    const skip = join(tempDir(), 'skip.yml');
    writeFileSync(skip, `${answersYaml}failures:\n  deploy.slow: { skip: "stopped on purpose" }\n`);
    const resumed = cli(['resume', runId, '--answers', skip, '--data-dir', dataDir]);
    expect(resumed.stdout, resumed.stderr).toContain('Run succeeded');
    expect(resumed.status).toBe(0);
    expect(existsSync(join(dataDir, 'locks', 'staging.lock'))).toBe(false);
  }, 60_000);

  it('exits 3 when the Docker engine cannot be reached mid-run, naming its socket', () => {
    const { root, dataDir } = setup();
    writeFileSync(
      join(root, '.release-pilot', 'runbook.yml'),
      runbook.replace('{ id: done, type: shell, argv: [echo, deployed] }', '{ id: look, type: docker.list }'),
    );
    writeFileSync(
      join(root, '.release-pilot', 'environments.yml'),
      'environments:\n  staging:\n    docker: { via: local, socket: /tmp/rp-no-engine.sock }\n',
    );
    const answers = join(tempDir(), 'abort.yml');
    writeFileSync(answers, `${answersYaml}failures:\n  "*": abort\n`);
    const run = cli(runArgs(root, dataDir, '--answers', answers));
    expect(run.stdout).toContain('/tmp/rp-no-engine.sock');
    expect(run.status).toBe(3);
  });

  it('exits 2 on a bad answers file or a missing environment, naming the problem', () => {
    const { root, dataDir } = setup();
    const bad = join(tempDir(), 'bad.yml');
    writeFileSync(bad, 'operator: { name: Ada }\nfailures:\n  x: maybe\n');
    const badAnswers = cli(runArgs(root, dataDir, '--answers', bad));
    expect(badAnswers.status).toBe(2);
    expect(badAnswers.stderr).toMatch(/bad\.yml:3:\d+: error: failures\.x/);
    const noEnv = cli([
      'run',
      '--project',
      root,
      '--env',
      'prod',
      '--version',
      'v1.1.0',
      '--answers',
      bad.replace('bad', 'none'),
      '--data-dir',
      dataDir,
    ]);
    expect(noEnv.status).toBe(2);
    const missingEnv = cli(['run', '--project', root, '--env', 'nope', '--version', 'v1.1.0', '--data-dir', dataDir]);
    expect(missingEnv.status).toBe(2);
    const good = join(tempDir(), 'good.yml');
    writeFileSync(good, answersYaml);
    const strategy = cli(runArgs(root, dataDir, '--strategy', 'yolo', '--answers', good));
    expect(strategy.status).toBe(2);
    expect(strategy.stderr).toContain('unknown strategy "yolo"');
    const typo = join(tempDir(), 'typo.yml');
    writeFileSync(typo, `${answersYaml}failures:\n  deploy.slw: retry\n`);
    const typoRun = cli(runArgs(root, dataDir, '--answers', typo));
    expect(typoRun.status).toBe(2);
    expect(typoRun.stderr).toContain('failures."deploy.slw" — did you mean "deploy.slow"?');
    expect(JSON.parse(cli(['runs', '--json', '--data-dir', dataDir]).stdout)).toEqual([]);
  });

  it('survives SIGKILL mid-run: the lock refuses others (exit 3), resume finishes it, the journal verifies', async () => {
    const { root, answers, dataDir } = setup();
    // The first attempt hangs (and outlives the killed CLI); the retry after the resume is quick.
    const mark = join(tempDir(), 'first-attempt');
    const slow = `[sh, -c, 'test -f "$0" || { touch "$0"; exec sleep 31.7; }', '${mark}']`;
    writeFileSync(join(root, '.release-pilot', 'runbook.yml'), runbook.replace('[sleep, "2"]', slow));
    execFileSync('git', ['commit', '-qam', 'slow deploy'], { cwd: root });
    const child = spawn(process.execPath, [bin, ...runArgs(root, dataDir, '--answers', answers)], { stdio: 'pipe' });
    const sleeping = () => spawnSync('pgrep', ['-fx', 'sleep 31.7']).status === 0;
    const runId = await killMidAction(child, dataDir, sleeping);
    expect(sleeping()).toBe(true);

    const listed = JSON.parse(cli(['runs', '--json', '--data-dir', dataDir]).stdout) as Array<{
      id: string;
      status: string;
    }>;
    expect(listed.find((r) => r.id === runId)?.status).toBe('open');

    const other = cli(runArgs(root, dataDir, '--answers', answers));
    expect(other.status).toBe(3);
    // Said once, as the refused run's last line, not again as an error.
    expect(other.stdout).toMatch(
      new RegExp(`Run aborted: environment staging is locked by Ada Lovelace on .*run ${runId}`),
    );
    expect(other.stderr).toBe('');

    // Resuming with the runbook changed since the start is refused: it would run something else.
    const original = readFileSync(join(root, '.release-pilot', 'runbook.yml'), 'utf8');
    writeFileSync(join(root, '.release-pilot', 'runbook.yml'), original.replace('[echo, deployed]', '[echo, changed]'));
    const changed = cli(['resume', runId, '--answers', answers, '--data-dir', dataDir]);
    expect(changed.status).toBe(2);
    expect(changed.stderr).toContain('changed since run');
    writeFileSync(join(root, '.release-pilot', 'runbook.yml'), original);

    // The killed action may or may not have finished on the target: the resume asks before re-running it.
    const retrying = join(tempDir(), 'retry.yml');
    writeFileSync(retrying, `${answersYaml}failures:\n  deploy.slow: retry\n`);
    const resumed = cli(['resume', runId, '--answers', retrying, '--data-dir', dataDir]);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(
      /✗ deploy\.slow failed after 0ms: deploy\.slow was running when the run stopped; whether it finished on the target is unknown; its command was still running on this machine and has been stopped/,
    );
    expect(spawnSync('pgrep', ['-fx', 'sleep 31.7']).status).toBe(1);
    expect(resumed.stdout).toContain('→ Ada Lovelace chose retry');
    expect(resumed.stdout).toContain('Run succeeded');
    const journal = readFileSync(join(dataDir, 'runs', runId, 'journal.ndjson'), 'utf8');
    expect(journal).toContain('"type":"run.resumed"');
    // The preparation step passed before the crash and is not done again; the killed action is.
    expect(journal.match(/"action":"prepare\.1","type":"shell"/g)).toHaveLength(1);
    expect(journal.match(/"action.started","data":\{"step":"deploy","action":"deploy\.slow"/g)).toHaveLength(2);
    expect(cli(['verify', runId, '--data-dir', dataDir]).status).toBe(0);
    expect(existsSync(join(dataDir, 'locks', 'staging.lock'))).toBe(false);
  }, 60_000);
});
