import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerClient } from '../docker/docker-client';
import { verifyJournal } from '../journal/journal-reader';
import { buildDemoWebImage } from '../test-lab/busybox-image';
import { copyLabKeys, labHostsYaml, makeLabProject } from '../test-lab/lab-project';
import { freePort, type SshdLab, startSshdLab } from '../test-lab/sshd-lab';
import { useTempDirs } from '../test-support/temp-dir';
import { answers, runInLab } from './test-support/run-harness';

// Every action kind through the real executor, on the real things: git repositories, the Docker
// engine (a busybox image), two sshd hosts, HTTP against the started container, local commands.

const hostile = `'; rm -rf / # $(touch /tmp/rp-pwned) \`id\``;
const suffix = Math.random().toString(36).slice(2, 8);
const container = `rp-it-actions-${suffix}`;

describe('executor: every action kind on the real thing', () => {
  const tempDir = useTempDirs('rp-run-');
  let lab: SshdLab;
  let port: number;

  beforeAll(async () => {
    lab = await startSshdLab({ hosts: 2 });
    await buildDemoWebImage(createDockerClient({ via: 'local' }), 'v1.1.0');
    port = await freePort();
  }, 120_000);

  afterAll(async () => {
    await lab?.stop();
    try {
      execFileSync('docker', ['rm', '-f', container, `${container}-2`], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  });

  it('runs git, docker, ssh, http, shell and manual actions, journals them and verifies', async () => {
    const root = tempDir();
    const origin = join(tempDir(), 'origin.git');
    execFileSync('git', ['init', '-q', '--bare', origin]);
    const project = makeLabProject(root, {
      runbook: `
title: All actions
roles: { devops: DevOps Engineer }
variables: { payload: "${hostile.replace(/"/g, '\\"')}" }
steps:
  - id: source
    title: Source
    owner: devops
    actions:
      - { type: git.fetch }
      - { type: git.resolve }
      - { type: git.verify-clean }
      - { type: git.checkout }
      - { type: git.tag, name: "deployed-\${version}", message: "deployed by release pilot", push: true }
      - { type: git.log, from: v1.0.0 }
      - { id: local, type: shell, argv: [printf, "%s\\n", "\${payload}"] }
  - id: deploy
    title: Deploy
    owner: devops
    actions:
      - { type: docker.build, context: image, tags: ["rp-it-built-${suffix}:\${version}"] }
      - { type: docker.tag, source: "rp-it-built-${suffix}:\${version}", target: "rp-it-built-${suffix}:latest" }
      - { type: docker.run }
      - { type: docker.wait-healthy, timeout: 30s }
      - { type: http.check, attempts: 10, interval: 500ms, expectBodyContains: ok }
      - { id: version, type: http.check, url: "http://127.0.0.1:${port}/version", expectBodyContains: "\${version}" }
      - { id: exec, type: docker.exec, argv: [cat, /www/version] }
      - { type: docker.logs, tail: 5 }
      - { type: docker.list, label: dev.release-pilot.environment=lab }
      - { id: remote, type: ssh.exec, argv: [printf, "%s\\n", "\${payload}"] }
      - { id: upload, type: ssh.upload, from: VERSION, to: "/tmp/rp-it-${suffix}/VERSION", mode: "0640" }
      - { id: readback, type: ssh.exec, argv: [cat, "/tmp/rp-it-${suffix}/VERSION"], hosts: [host-2] }
      - { type: manual, instructions: Look at the site }
      - { type: docker.stop }
      - { type: docker.remove }
`,
      environments: `
environments:
  lab:
    docker: { via: local }
    lockDir: ${tempDir()}/locks
    hosts:
${labHostsYaml(lab.hosts)}
    app:
      image: rp-lab-demo-web
      container: ${container}
      ports: ["127.0.0.1:${port}:80"]
    urls: { health: "http://127.0.0.1:${port}/health" }
`,
    });
    execFileSync('git', ['remote', 'add', 'origin', origin], { cwd: root });
    execFileSync('git', ['push', '-q', 'origin', 'main', '--tags'], { cwd: root });
    mkdirSync(join(root, 'image'));
    writeFileSync(join(root, 'image', 'Dockerfile'), 'FROM rp-lab-demo-web:v1.1.0\nLABEL built-by=release-pilot\n');
    copyLabKeys(lab, root);
    // The keys and build context are not part of the release: keep the tree clean for verify-clean.
    writeFileSync(join(root, '.git', 'info', 'exclude'), 'lab-keys/\nimage/\n');

    const run = await runInLab({
      projectRoot: root,
      dataDir: tempDir(),
      environment: 'lab',
      version: 'v1.1.0',
      answers: answers({ manual: 'continue' }),
    });

    const failures = run.find('action.failed').map((e) => e.data);
    expect(failures).toEqual([]);
    expect(run.status).toBe('succeeded');
    expect(run.find('action.passed')).toHaveLength(22);
    // The hostile value reached printf as ONE literal argument, locally and on both hosts.
    const printed = (source: string) =>
      run.output.filter((o) => o.source === source && o.stream === 'stdout').map((o) => o.line);
    expect(printed('source.local')).toEqual([hostile]);
    expect(printed('deploy.remote@host-1')).toEqual([hostile]);
    expect(printed('deploy.remote@host-2')).toEqual([hostile]);
    expect(printed('deploy.readback@host-2')).toEqual(['v1.1.0']);
    expect(printed('deploy.exec')).toEqual(['v1.1.0']);
    expect(() => execFileSync('test', ['-e', '/tmp/rp-pwned'])).toThrow();
    // The tag was pushed to the origin.
    expect(execFileSync('git', ['tag', '--list', 'deployed-*'], { cwd: origin, encoding: 'utf8' }).trim()).toBe(
      'deployed-v1.1.0',
    );
    expect(run.find('version.resolved')[0]?.data).toMatchObject({ version: 'v1.1.0', commit: project.tags['v1.1.0'] });
    // Every action's plan was journaled before it ran, and the chain verifies.
    const started = run.find('action.started');
    expect(started.every((e) => typeof e.data.plan === 'object')).toBe(true);
    const verdict = await verifyJournal(join(run.runDir, 'journal.ndjson'));
    expect(verdict).toMatchObject({ ok: true, lines: run.events.length });
    expect(run.logsText).toContain('deploy.remote@host-1');
  }, 180_000);

  it("reaches Docker on each host over that host's SSH connection, and runs its CLI there", async () => {
    const root = tempDir();
    makeLabProject(root, {
      runbook: `
title: Docker over SSH
roles: { devops: DevOps Engineer }
steps:
  - id: look
    title: Look
    owner: devops
    actions:
      - { type: docker.list, label: dev.release-pilot.lab-hash }
      - { id: again, type: ssh.exec, argv: [docker, version, --format, "{{.Server.Version}}"] }
`,
      environments: `
environments:
  fleet:
    docker: { via: ssh }
    lockDir: ${tempDir()}/locks
    hosts:
${labHostsYaml(lab.hosts)}
`,
    });
    copyLabKeys(lab, root);
    const run = await runInLab({ projectRoot: root, dataDir: tempDir(), environment: 'fleet', version: 'v1.1.0' });
    expect(run.find('action.failed').map((e) => e.data)).toEqual([]);
    expect(run.status).toBe('succeeded');
    const listed = run.find('action.passed')[0]!.data.result as Record<string, Array<{ image: string }>>;
    expect(Object.keys(listed)).toEqual(['host-1', 'host-2']);
    expect(Array.isArray(listed['host-2'])).toBe(true);
    const versions = run.output.filter((o) => o.source.startsWith('look.again@')).map((o) => o.line);
    expect(versions).toHaveLength(2);
    expect(versions[0]).toMatch(/^\d+\.\d+/);
  }, 60_000);
});
