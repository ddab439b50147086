import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SshdLab, startSshd, startSshdLab } from './sshd-lab';

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
  }).finally(() => undefined);

/** The real OpenSSH client, with strict host key checking against the lab's known_hosts. */
function sshRun(lab: SshdLab, port: number, command: string, knownHosts = lab.knownHostsPath) {
  return spawnSync(
    'ssh',
    [
      '-i',
      lab.clientKeyPath,
      '-p',
      String(port),
      '-o',
      `UserKnownHostsFile=${knownHosts}`,
      '-o',
      'StrictHostKeyChecking=yes',
      '-o',
      'BatchMode=yes',
      '-o',
      'IdentitiesOnly=yes',
      `${lab.hosts[0]!.user}@127.0.0.1`,
      command,
    ],
    { encoding: 'utf8', timeout: 15_000 },
  );
}

describe('sshd lab', () => {
  let lab: SshdLab;
  beforeAll(async () => {
    lab = await startSshdLab({ hosts: 3 });
  });
  afterAll(() => lab?.stop());

  it('starts N sshd on distinct loopback ports, each greeting', async () => {
    const ports = lab.hosts.map((h) => h.port);
    expect(new Set(ports).size).toBe(3);
    for (const port of ports) expect(await accepts(port)).toBe(true);
    expect(lab.hosts.map((h) => h.name)).toEqual(['host-1', 'host-2', 'host-3']);
  });

  it('gives each host its own key, with the fingerprint ssh-keygen -lf prints', () => {
    for (const [i, server] of lab.servers.entries()) {
      const printed = execFileSync('ssh-keygen', ['-lf', `${lab.dir}/${server.host.name}/ssh_host_ed25519_key.pub`], {
        encoding: 'utf8',
      });
      expect(printed.split(' ')[1]).toBe(lab.hosts[i]!.fingerprint);
    }
    expect(new Set(lab.hosts.map((h) => h.fingerprint)).size).toBe(3);
  });

  it('lets the real OpenSSH client log in with strict checking against its known_hosts', () => {
    for (const host of lab.hosts) {
      const result = sshRun(lab, host.port, 'echo ok-$((40 + 2))');
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('ok-42\n');
    }
  });

  it('restarts one host with a different key on the same port, which OpenSSH then refuses', async () => {
    const extra = await startSshdLab({ hosts: 1 });
    try {
      const old = extra.servers[0]!;
      await old.stop();
      const renewed = await startSshd({
        name: old.host.name,
        dir: extra.dir,
        authorizedKey: extra.clientPublicKey,
        clientKeyPath: extra.clientKeyPath,
        port: old.port,
      });
      try {
        expect(renewed.port).toBe(old.port);
        expect(renewed.host.fingerprint).not.toBe(old.host.fingerprint);
        const refused = sshRun(extra, renewed.port, 'true');
        expect(refused.status).not.toBe(0);
        expect(refused.stderr).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
      } finally {
        await renewed.stop();
      }
    } finally {
      await extra.stop();
    }
  });

  it('fails clearly, naming host and port, when the port is already taken', async () => {
    const taken = lab.hosts[0]!.port;
    await expect(
      startSshd({
        name: 'clash',
        dir: lab.dir,
        authorizedKey: lab.clientPublicKey,
        clientKeyPath: lab.clientKeyPath,
        port: taken,
      }),
    ).rejects.toThrow(new RegExp(`sshd for clash on 127\\.0\\.0\\.1:${taken} (exited|did not)`));
  });

  it('stop() ends every sshd and removes its files', async () => {
    const short = await startSshdLab({ hosts: 2 });
    await short.stop();
    for (const host of short.hosts) expect(await accepts(host.port)).toBe(false);
    expect(existsSync(short.dir)).toBe(false);
  });
});
