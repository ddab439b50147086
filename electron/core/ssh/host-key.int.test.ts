import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type LabHost, type SshdLab, startSshd, startSshdLab } from '../test-lab/sshd-lab';
import { recordingLogger } from '../test-support/recording-logger';
import { probeHostKey } from './host-key';
import { HostKeyMismatchError, HostKeyUnknownError, type SshError } from './ssh-errors';
import { exec } from './ssh-exec';
import { createSshPool } from './ssh-pool';
import type { SshHostConfig } from './ssh-target';

let lab: SshdLab;
beforeAll(async () => {
  lab = await startSshdLab({ hosts: 2 });
});
afterAll(() => lab?.stop());

/** Connects through a fresh pool and runs `echo ok`, so each case is a real handshake. */
async function tryHost(host: SshHostConfig): Promise<string> {
  const pool = createSshPool({ logger: recordingLogger().logger });
  try {
    const conn = await pool.connection(host);
    return (await exec(conn, ['echo', 'ok'])).stdoutTail.trim();
  } finally {
    await pool.close();
  }
}

const untrusted = (h: LabHost): SshHostConfig => ({ ...h, knownHosts: undefined, hostKey: undefined });
const label = (h: LabHost) => `${h.name} (127.0.0.1:${h.port})`;

describe('host key verification against real sshd', () => {
  it('accepts the pinned fingerprint', async () => {
    const host = lab.hosts[0]!;
    expect(await tryHost({ ...untrusted(host), hostKey: host.fingerprint })).toBe('ok');
  });

  it('refuses a pinned key that does not match, naming the host and both fingerprints', async () => {
    const [host, other] = [lab.hosts[0]!, lab.hosts[1]!];
    const error = await tryHost({ ...untrusted(host), hostKey: other.fingerprint }).catch((e: SshError) => e);
    expect(error).toBeInstanceOf(HostKeyMismatchError);
    expect((error as SshError).code).toBe('host-key-mismatch');
    const message = (error as Error).message;
    expect(message.startsWith(`${label(host)}: host key mismatch`)).toBe(true);
    expect(message).toContain(`expected ${other.fingerprint}`);
    expect(message).toContain(`presented ${host.fingerprint}`);
  });

  it('accepts a host listed in known_hosts, plain or hashed by ssh-keygen -H', async () => {
    const host = lab.hosts[1]!;
    expect(await tryHost({ ...untrusted(host), knownHosts: lab.knownHostsPath })).toBe('ok');
    const hashed = join(lab.dir, 'known_hosts.hashed');
    copyFileSync(lab.knownHostsPath, hashed);
    execFileSync('ssh-keygen', ['-H', '-f', hashed], { stdio: 'ignore' });
    expect(execFileSync('cat', [hashed], { encoding: 'utf8' })).toMatch(/^\|1\|/);
    expect(await tryHost({ ...untrusted(host), knownHosts: hashed })).toBe('ok');
  });

  it('refuses a host absent from known_hosts, showing the key it presented', async () => {
    const host = lab.hosts[1]!;
    const partial = join(lab.dir, 'known_hosts.partial');
    writeFileSync(partial, `${lab.servers[0]!.knownHostsLine}\n`);
    const error = await tryHost({ ...untrusted(host), knownHosts: partial }).catch((e) => e);
    expect(error).toBeInstanceOf(HostKeyUnknownError);
    expect(error.message).toContain(
      `${label(host)}: host key not trusted: ${partial} has no entry for [127.0.0.1]:${host.port}`,
    );
    expect(error.message).toContain(host.fingerprint);
  });

  it('never trusts on first use: neither pin nor known_hosts is refused', async () => {
    const host = lab.hosts[0]!;
    const error = await tryHost(untrusted(host)).catch((e) => e);
    expect(error.code).toBe('host-key-unknown');
    expect(error.message).toContain(label(host));
    expect(error.presented).toBe(host.fingerprint);
  });

  it('probeHostKey shows the fingerprint ssh-keygen computes, without logging in', async () => {
    const host = lab.hosts[0]!;
    const printed = execFileSync('ssh-keyscan', ['-p', String(host.port), '-t', 'ed25519', '127.0.0.1'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const fromKeygen = execFileSync('ssh-keygen', ['-lf', '-'], { input: printed, encoding: 'utf8' }).split(' ')[1];
    expect(await probeHostKey({ name: host.name, address: '127.0.0.1', port: host.port })).toBe(fromKeygen);
    expect(fromKeygen).toBe(host.fingerprint);
  });

  it('probeHostKey on a closed port fails with host-unreachable naming the host', async () => {
    const closed = await freePort();
    const error = await probeHostKey({ name: 'ghost', address: '127.0.0.1', port: closed }).catch((e) => e);
    expect(error.code).toBe('host-unreachable');
    expect(error.message).toBe(`ghost (127.0.0.1:${closed}): connection refused`);
  });

  it('a host restarted with a different key is refused against known_hosts, with both fingerprints', async () => {
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
        const error = await tryHost(extra.hosts[0]!).catch((e) => e);
        expect(error).toBeInstanceOf(HostKeyMismatchError);
        expect(error.message).toContain(`${old.host.name} (127.0.0.1:${old.port})`);
        expect(error.expected).toEqual([`${old.host.fingerprint} (ssh-ed25519)`]);
        expect(error.actual).toBe(renewed.host.fingerprint);
        expect(error.message).toContain(old.host.fingerprint);
        expect(error.message).toContain(renewed.host.fingerprint);
      } finally {
        await renewed.stop();
      }
    } finally {
      await extra.stop();
    }
  });

  it('rejects a malformed pin or a missing known_hosts file before connecting, naming them', async () => {
    const host = lab.hosts[0]!;
    const badPin = await tryHost({ ...untrusted(host), hostKey: 'MD5:aa:bb' }).catch((e) => e);
    expect(badPin.code).toBe('invalid-config');
    expect(badPin.message).toContain(`${label(host)}: hostKey must look like SHA256:`);
    const missing = await tryHost({ ...untrusted(host), knownHosts: '/nonexistent/known_hosts' }).catch((e) => e);
    expect(missing.code).toBe('invalid-config');
    expect(missing.message).toBe(`${label(host)}: cannot read known_hosts file /nonexistent/known_hosts (ENOENT)`);
  });
});
