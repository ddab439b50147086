import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBusyboxImage } from '../test-lab/busybox-image';
import { createDockerClient } from './docker-client';
import { createDockerOps } from './docker-ops';
import { useDockerCleanup } from './test-support/docker-cleanup';
import { startTestSshd, type TestSshd } from './test-support/test-sshd';

const local = createDockerClient({ via: 'local' });
let sshd: TestSshd;
let image = '';

beforeAll(async () => {
  sshd = await startTestSshd();
  image = (await buildBusyboxImage(local, { tag: 'rp-lab-busybox:plain', cmd: ['sleep', '3600'] })).tag;
});
afterAll(async () => {
  await sshd?.stop();
});

const acceptedConnections = () => sshd.log().split('Accepted publickey').length - 1;

describe('Docker over an existing SSH connection', () => {
  const cleanup = useDockerCleanup(local);
  it('reads the engine version and lists containers over `docker system dial-stdio`, on one SSH connection', async () => {
    const before = acceptedConnections();
    const ssh = await sshd.connect();
    const client = createDockerClient({ via: 'ssh', client: ssh, hostLabel: 'web-1' });
    expect(client.label).toBe('docker on web-1 over SSH');
    const ops = createDockerOps(client);

    const overSsh = await ops.engineVersion();
    expect(overSsh).toEqual(await createDockerOps(local).engineVersion());

    const name = cleanup.name('rp-ssh');
    await createDockerOps(local).runContainer({ name, image, labels: { 'dev.release-pilot.via': 'ssh-test' } });
    const listed = await ops.list({ name });
    expect(listed.map((c) => [c.name, c.state])).toEqual([[name, 'running']]);

    // Several requests, one of them a hijacked exec stream: still the one SSH connection.
    const lines: string[] = [];
    const { exitCode } = await ops.exec(name, ['sh', '-c', 'echo over-ssh; exit 5'], {
      onOutput: (_s, l) => lines.push(l),
    });
    expect(exitCode).toBe(5);
    expect(lines).toEqual(['over-ssh']);
    await Promise.all([
      ops.engineVersion(),
      ops.list({ label: 'dev.release-pilot.via=ssh-test' }),
      ops.inspectVersion(name),
    ]);
    expect(acceptedConnections() - before).toBe(1);
  });

  it('a burst of requests beyond sshd MaxSessions (10) waits for channels instead of failing', async () => {
    const ssh = await sshd.connect();
    const ops = createDockerOps(createDockerClient({ via: 'ssh', client: ssh, hostLabel: 'web-1' }));
    const results = await Promise.allSettled(Array.from({ length: 16 }, () => ops.engineVersion()));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  });

  it('follows logs over SSH until aborted', async () => {
    const ssh = await sshd.connect();
    const ops = createDockerOps(createDockerClient({ via: 'ssh', client: ssh, hostLabel: 'web-1' }));
    const name = cleanup.name('rp-ssh-logs');
    const script = 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.05; done';
    await createDockerOps(local).runContainer({ name, image, cmd: ['sh', '-c', script] });
    const controller = new AbortController();
    const lines: string[] = [];
    const end = await ops.followLogs(name, { signal: controller.signal }, (_s, line) => {
      lines.push(line);
      if (lines.length === 3) controller.abort();
    });
    expect(end).toBe('aborted');
    expect(lines.slice(0, 3)).toEqual(['tick 0', 'tick 1', 'tick 2']);
    // The connection is still good for more requests after the stream's channel was closed.
    await expect(ops.list({ name })).resolves.toHaveLength(1);
  });

  it('a closed SSH connection → engine-unreachable naming the host', async () => {
    const ssh = await sshd.connect();
    const ops = createDockerOps(createDockerClient({ via: 'ssh', client: ssh, hostLabel: 'web-1' }));
    ssh.end();
    await new Promise<void>((resolve) => ssh.once('close', () => resolve()));
    const error = await ops.engineVersion().catch((e) => e);
    expect(error.code).toBe('engine-unreachable');
    expect(error.message).toContain('docker on web-1 over SSH');
    expect(error.message).toContain('web-1');
  });
});

describe('Docker over SSH to a host without docker', () => {
  let noDocker: TestSshd;
  beforeAll(async () => {
    // The user's shell runs the forced command: with an empty PATH, `docker` is not found, as on a host without it.
    noDocker = await startTestSshd({ forceCommand: 'PATH=/nonexistent; docker system dial-stdio' });
  });
  afterAll(async () => {
    await noDocker?.stop();
  });

  it('→ engine-unreachable with the exit code and what the host said', async () => {
    const ssh = await noDocker.connect();
    const ops = createDockerOps(createDockerClient({ via: 'ssh', client: ssh, hostLabel: 'db-2' }));
    const error = await ops.engineVersion().catch((e) => e);
    expect(error.code).toBe('engine-unreachable');
    expect(error.message).toContain('docker on db-2 over SSH');
    expect(error.message).toContain('exited with code 127');
    expect(error.message).toMatch(/docker: (command )?not found/);
    expect(error.message).toContain('Is dockerd running on db-2');
  });
});
