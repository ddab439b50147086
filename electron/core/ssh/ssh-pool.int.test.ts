import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type SshdLab, startSshd, startSshdLab } from '../test-lab/sshd-lab';
import { recordingLogger } from '../test-support/recording-logger';
import { exec } from './ssh-exec';
import { createSshPool } from './ssh-pool';

let lab: SshdLab;
beforeAll(async () => {
  lab = await startSshdLab({ hosts: 2 });
});
afterAll(() => lab?.stop());

describe('ssh pool against real sshd', () => {
  it('reuses one connection per host: a second command costs no handshake', async () => {
    const pool = createSshPool({ logger: recordingLogger().logger });
    try {
      const host = lab.hosts[0]!;
      const first = await pool.connection(host);
      expect((await exec(first, ['echo', 'one'])).stdoutTail).toBe('one\n');
      const second = await pool.connection(host);
      expect((await exec(second, ['echo', 'two'])).stdoutTail).toBe('two\n');
      expect(second).toBe(first);
      expect(pool.stats()).toEqual({ handshakes: 1, open: 1, failures: 0 });
    } finally {
      await pool.close();
    }
  });

  it('concurrent callers for one host share the pending connect', async () => {
    const pool = createSshPool({ logger: recordingLogger().logger });
    try {
      const host = lab.hosts[1]!;
      const conns = await Promise.all(Array.from({ length: 8 }, () => pool.connection(host)));
      expect(new Set(conns).size).toBe(1);
      const outputs = await Promise.all(conns.map((c, i) => exec(c, ['echo', String(i)])));
      expect(outputs.map((o) => o.stdoutTail.trim())).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
      expect(pool.stats().handshakes).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('close() ends every connection and refuses new ones', async () => {
    const pool = createSshPool({ logger: recordingLogger().logger });
    const conns = await Promise.all(lab.hosts.map((h) => pool.connection(h)));
    await pool.close();
    expect(conns.every((c) => c.closed)).toBe(true);
    expect(pool.stats().open).toBe(0);
    await expect(pool.connection(lab.hosts[0]!)).rejects.toThrow(/pool is closed/);
  });

  it('an unreachable host (closed port) fails with host-unreachable naming the host', async () => {
    const { logger, lines } = recordingLogger();
    const pool = createSshPool({ logger });
    const port = await freePort();
    const error = await pool.connection({ ...lab.hosts[0]!, name: 'web-2', port }).catch((e) => e);
    expect(error.code).toBe('host-unreachable');
    expect(error.message).toBe(`web-2 (127.0.0.1:${port}): connection refused`);
    expect(pool.stats()).toEqual({ handshakes: 0, open: 0, failures: 1 });
    expect(lines.some((l) => l.level === 'warn' && l.fields?.host === 'web-2')).toBe(true);
    await pool.close();
  });

  it('a wrong client key fails with auth-failed naming the host', async () => {
    const wrongKey = join(lab.dir, 'wrong_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', wrongKey]);
    const pool = createSshPool({ logger: recordingLogger().logger });
    const host = lab.hosts[0]!;
    const error = await pool.connection({ ...host, identityFile: wrongKey }).catch((e) => e);
    expect(error.code).toBe('auth-failed');
    expect(error.message).toMatch(new RegExp(`^host-1 \\(127\\.0\\.0\\.1:${host.port}\\): authentication failed`));
    await pool.close();
  });

  it('a missing identity file is refused before connecting, naming host and path', async () => {
    const pool = createSshPool({ logger: recordingLogger().logger });
    const host = lab.hosts[0]!;
    const error = await pool.connection({ ...host, identityFile: '/nonexistent/id_ed25519' }).catch((e) => e);
    expect(error.code).toBe('invalid-config');
    expect(error.message).toBe(`host-1 (127.0.0.1:${host.port}): identity file not found: /nonexistent/id_ed25519`);
    await pool.close();
  });

  it('an idle host that never answers the handshake times out, naming the host', async () => {
    const silent = createServer(() => {}).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    const port = (silent.address() as { port: number }).port;
    const pool = createSshPool({ logger: recordingLogger().logger, connectTimeoutMs: 300 });
    try {
      const error = await pool.connection({ ...lab.hosts[0]!, name: 'db-1', port }).catch((e) => e);
      expect(error.code).toBe('timeout');
      expect(error.message).toMatch(new RegExp(`^db-1 \\(127\\.0\\.0\\.1:${port}\\): no SSH handshake within 300 ms`));
    } finally {
      await pool.close();
      silent.close();
    }
  });

  it('a connection lost mid-command fails that command, and the next call reconnects', async () => {
    const extra = await startSshdLab({ hosts: 1 });
    const pool = createSshPool({ logger: recordingLogger().logger });
    try {
      const host = extra.hosts[0]!;
      const conn = await pool.connection(host);
      const running = exec(conn, ['sleep', '20']).catch((e) => e);
      await new Promise((r) => setTimeout(r, 300));
      await extra.servers[0]!.stop(); // kills sshd and its session processes: the connection drops
      const error = await running;
      expect(error.code).toBe('host-unreachable');
      expect(error.message).toMatch(/^host-1 \(127\.0\.0\.1:\d+\): connection lost while running `sleep 20`/);

      const restarted = await startSshd({
        name: host.name,
        dir: extra.dir,
        authorizedKey: extra.clientPublicKey,
        clientKeyPath: extra.clientKeyPath,
        port: host.port,
      });
      try {
        const again = await pool.connection({ ...host, knownHosts: undefined, hostKey: restarted.host.fingerprint });
        expect((await exec(again, ['echo', 'back'])).stdoutTail).toBe('back\n');
        expect(pool.stats().handshakes).toBe(2);
      } finally {
        await pool.close();
        await restarted.stop();
      }
    } finally {
      await pool.close();
      await extra.stop();
    }
  });
});
