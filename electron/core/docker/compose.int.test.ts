import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { composeCandidates, detectComposeCommand, planCompose, runCompose } from './compose';
import { DockerError } from './docker-errors';
import type { OutputStream } from './output-lines';

describe('compose detection and runner (with whatever this machine has)', () => {
  const tempDir = useTempDirs('rp-compose-');
  it('detects the plugin or the standalone binary, or says clearly that neither works', async () => {
    const result = await detectComposeCommand({ refresh: true }).catch((e) => e);
    if (result instanceof DockerError) {
      expect(result.code).toBe('compose-unavailable');
      expect(result.message).toContain('`docker compose version` and `docker-compose version` both failed');
      expect(result.message).toContain('Install the compose plugin');
    } else {
      expect(composeCandidates).toContainEqual(result);
      const lines: string[] = [];
      const { exitCode } = await runCompose(planCompose({ args: ['version'] }, result), {
        onOutput: (_s, l) => lines.push(l),
      });
      expect(exitCode).toBe(0);
      expect(lines.join('\n')).toMatch(/compose/i);
    }
  });

  it('with candidates that do not exist → compose-unavailable listing what was tried', async () => {
    const error = await detectComposeCommand({
      candidates: [['rp-no-docker', 'compose'], ['rp-no-docker-compose']],
    }).catch((e) => e);
    expect(error.code).toBe('compose-unavailable');
    expect(error.message).toContain('`rp-no-docker compose version` and `rp-no-docker-compose version` both failed');
  });

  it('the runner spawns argv without a shell, streams both outputs and returns the exit code', async () => {
    // The docker CLI stands in for compose here: the runner only spawns argv, whatever the tool.
    const dir = tempDir();
    const lines: [OutputStream, string][] = [];
    const { exitCode } = await runCompose(
      {
        argv: ['docker', 'version', '--format', '{{.Client.Os}};$(echo not-expanded)'],
        cwd: dir,
        summary: 'docker version',
      },
      { onOutput: (s, l) => lines.push([s, l]) },
    );
    expect(exitCode).toBe(0);
    expect(lines).toEqual([['stdout', 'linux;$(echo not-expanded)']]);

    const failed: [OutputStream, string][] = [];
    const bad = await runCompose(
      { argv: ['docker', 'no-such-subcommand'], summary: 'docker no-such-subcommand' },
      {
        onOutput: (s, l) => failed.push([s, l]),
      },
    );
    expect(bad.exitCode).not.toBe(0);
    expect(failed.some(([s, l]) => s === 'stderr' && l.includes('no-such-subcommand'))).toBe(true);
  });

  it('a missing binary or project directory → compose-unavailable naming them', async () => {
    const missing = await runCompose({
      argv: ['rp-no-docker-compose', 'up'],
      summary: 'rp-no-docker-compose up',
    }).catch((e) => e);
    expect(missing.code).toBe('compose-unavailable');
    expect(missing.message).toContain('rp-no-docker-compose up');
    const noDir = await runCompose({
      argv: ['docker', 'version'],
      cwd: '/tmp/rp-no-such-project',
      summary: 'docker version',
    }).catch((e) => e);
    expect(noDir.message).toContain('/tmp/rp-no-such-project');
  });

  it('an aborted run → cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await runCompose({ argv: ['sleep', '10'], summary: 'sleep 10' }, { signal: controller.signal }).catch(
      (e) => e,
    );
    expect(error.code).toBe('cancelled');
  });
});
