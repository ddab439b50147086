import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownAnswerKeys } from '../../../shared/formats/answer-keys';
import { loadAnswers } from '../../cli/run/load-answers';
import { createDockerClient } from '../docker/docker-client';
import { buildDemoWebImage } from '../test-lab/busybox-image';
import { makeLabProject } from '../test-lab/lab-project';
import { type SshdHandle, startSshd } from '../test-lab/sshd-lab';
import { useTempDirs } from '../test-support/temp-dir';
import { loadRunTarget } from './run-target';
import { runInLab } from './test-support/run-harness';

// The complete examples in docs/runbook-format.md and docs/environments.md work as written: this
// runs docs/examples/lab-project with docs/examples/lab-answers.yml against the lab they describe
// (Docker on this machine, an sshd "lab-1" on 127.0.0.1:2222), staging first, then production.

const examples = join(import.meta.dirname, '..', '..', '..', 'docs', 'examples');
const read = (path: string) => readFileSync(join(examples, path), 'utf8');

describe('the documented lab example', () => {
  const tempDir = useTempDirs('rp-docs-');
  let sshd: SshdHandle | undefined;
  let root: string;

  beforeAll(async () => {
    const docker = createDockerClient({ via: 'local' });
    await buildDemoWebImage(docker, 'v1.0.0');
    await buildDemoWebImage(docker, 'v1.1.0');
    root = tempDir();
    makeLabProject(root, {
      runbook: read('lab-project/.release-pilot/runbook.yml'),
      environments: read('lab-project/.release-pilot/environments.yml'),
    });
    const keys = join(root, 'lab-keys');
    mkdirSync(keys);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(keys, 'id_ed25519')]);
    sshd = await startSshd({
      name: 'lab-1',
      dir: tempDir(),
      port: 2222,
      authorizedKey: readFileSync(join(keys, 'id_ed25519.pub'), 'utf8'),
      clientKeyPath: join(keys, 'id_ed25519'),
    });
    writeFileSync(join(keys, 'known_hosts'), `${sshd.knownHostsLine}\n`);
    writeFileSync(join(root, '.git', 'info', 'exclude'), 'lab-keys/\n');
    rmSync('/tmp/rp-lab/locks', { recursive: true, force: true });
  }, 120_000);

  afterAll(async () => {
    await sshd?.stop();
    execFileSync('sh', ['-c', 'docker rm -f lab-web-staging lab-web-production >/dev/null 2>&1 || true']);
  });

  it('deploys v1.1.0 to staging, then to protected production, with the documented answers', async () => {
    const answers = await loadAnswers(join(examples, 'lab-answers.yml'));
    const { runbook } = await loadRunTarget(root, 'production');
    expect(unknownAnswerKeys(answers, runbook)).toEqual([]);
    const dataDir = tempDir();
    const staging = await runInLab({ projectRoot: root, dataDir, environment: 'staging', version: 'v1.1.0', answers });
    expect(staging.find('action.failed').map((e) => e.data)).toEqual([]);
    expect(staging.find('run.finished')[0]?.data).toEqual({ status: 'succeeded' });
    expect(staging.status).toBe('succeeded');
    const production = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'production',
      version: 'v1.1.0',
      answers,
    });
    expect(production.find('action.failed').map((e) => e.data)).toEqual([]);
    expect(production.status).toBe('succeeded');
    expect(production.types()).toEqual(
      expect.arrayContaining(['guard.passed', 'confirmation.given', 'approval.granted']),
    );
    expect((await (await fetch('http://127.0.0.1:18081/version')).text()).trim()).toBe('v1.1.0');
  }, 180_000);
});
