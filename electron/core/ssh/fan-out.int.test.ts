import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type SshdLab, startSshdLab } from '../test-lab/sshd-lab';
import { recordingLogger } from '../test-support/recording-logger';
import { runOnHosts } from './fan-out';
import { exec } from './ssh-exec';
import { createSshPool } from './ssh-pool';

let lab: SshdLab;
beforeAll(async () => {
  lab = await startSshdLab({ hosts: 5 });
});
afterAll(() => lab?.stop());

describe('fan-out over real sshd hosts', () => {
  it('runs on 5 hosts, 2 at a time, results in host order', async () => {
    const pool = createSshPool({ logger: recordingLogger().logger });
    const spans: Array<[number, number]> = [];
    try {
      const outcomes = await runOnHosts(
        lab.hosts,
        async (host) => {
          const start = Date.now();
          const conn = await pool.connection(host);
          const result = await exec(conn, ['sh', '-c', 'sleep 0.4; echo "$1"', 'sh', host.name], { check: true });
          spans.push([start, Date.now()]);
          return result.stdoutTail.trim();
        },
        { concurrency: 2 },
      );
      expect(outcomes.map((o) => o.status === 'fulfilled' && o.value)).toEqual(lab.hosts.map((h) => h.name));
      const peak = Math.max(...spans.map(([s]) => spans.filter(([a, b]) => a <= s && s < b).length));
      expect(peak).toBe(2);
      expect(pool.stats().handshakes).toBe(5);
    } finally {
      await pool.close();
    }
  });

  it('keeps each failing host with its own error while the others succeed', async () => {
    const pool = createSshPool({ logger: recordingLogger().logger });
    const deadPort = await freePort();
    const hosts = [lab.hosts[0]!, { ...lab.hosts[1]!, name: 'web-dead', port: deadPort }, lab.hosts[2]!];
    try {
      const outcomes = await runOnHosts(
        hosts,
        async (host) => (await exec(await pool.connection(host), ['hostname'], { check: true })).exitCode,
        { concurrency: 3 },
      );
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const dead = outcomes[1]!;
      expect(dead.host.name).toBe('web-dead');
      expect(dead.status === 'rejected' && (dead.error as Error).message).toBe(
        `web-dead (127.0.0.1:${deadPort}): connection refused`,
      );
    } finally {
      await pool.close();
    }
  });
});
