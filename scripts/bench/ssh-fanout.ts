// SSH fan-out: one command on 20 real sshd hosts at once, ours (ssh2, pooled) against Debian's
// parallel-ssh (OpenSSH client per host). Returns figures; prints them only when run directly:
//   npx tsx scripts/bench/ssh-fanout.ts
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runOnHosts } from '../../electron/core/ssh/fan-out';
import { quoteArgv } from '../../electron/core/ssh/quote';
import { exec } from '../../electron/core/ssh/ssh-exec';
import { createSshPool, type SshPool } from '../../electron/core/ssh/ssh-pool';
import { type LabHost, type SshdLab, startSshdLab } from '../../electron/core/test-lab/sshd-lab';
import { recordingLogger } from '../../electron/core/test-support/recording-logger';

const HOSTS = 20;
const RUNS = 3;
const PSSH = '/usr/bin/parallel-ssh';
const SCRIPT = 'uname -a; sleep 1';

export async function benchSshFanout(): Promise<Record<string, string | number>> {
  const lab = await startSshdLab({ hosts: HOSTS });
  try {
    const first: number[] = [];
    const second: number[] = [];
    const addedHandshakes: number[] = [];
    const pssh: number[] = [];
    const havePssh = existsSync(PSSH);
    const hostsFile = join(lab.dir, 'pssh-hosts');
    writeFileSync(hostsFile, `${lab.hosts.map((h) => `${h.address}:${h.port}`).join('\n')}\n`);
    // Alternate ours and theirs so drift in machine load affects both alike.
    for (let run = 0; run < RUNS; run++) {
      const pool = createSshPool({ logger: recordingLogger().logger });
      try {
        first.push(await timeOurs(pool, lab.hosts));
        const before = pool.stats().handshakes;
        second.push(await timeOurs(pool, lab.hosts));
        addedHandshakes.push(pool.stats().handshakes - before);
      } finally {
        await pool.close();
      }
      if (havePssh) pssh.push(await timePssh(lab, hostsFile));
    }
    const figures: Record<string, string | number> = {
      hosts: HOSTS,
      runs: RUNS,
      command: `sh -c '${SCRIPT}'`,
      ours_first_ms_median: median(first),
      ours_second_ms_median: median(second),
      ours_second_handshakes_added: Math.max(...addedHandshakes),
    };
    if (!havePssh) return { ...figures, pssh: `not installed (${PSSH}); apt-get install pssh` };
    return {
      ...figures,
      pssh_ms_median: median(pssh),
      ratio_ours_first_to_pssh: round2(median(first) / median(pssh)),
      ratio_ours_second_to_pssh: round2(median(second) / median(pssh)),
    };
  } finally {
    await lab.stop();
  }
}

/** Wall time for the command on every host at once, including connecting when the pool must. */
async function timeOurs(pool: SshPool, hosts: LabHost[]): Promise<number> {
  const started = performance.now();
  const outcomes = await runOnHosts(
    hosts,
    async (host) => exec(await pool.connection(host), ['sh', '-c', SCRIPT], { check: true }),
    { concurrency: HOSTS },
  );
  const elapsed = performance.now() - started;
  const failed = outcomes.find((o) => o.status === 'rejected');
  if (failed?.status === 'rejected') throw failed.error;
  return Math.round(elapsed);
}

async function timePssh(lab: SshdLab, hostsFile: string): Promise<number> {
  const sshOptions = quoteArgv([
    '-i',
    lab.clientKeyPath,
    '-o',
    `UserKnownHostsFile=${lab.knownHostsPath}`,
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'BatchMode=yes',
  ]);
  const args = ['-h', hostsFile, '-p', String(HOSTS), '-l', lab.hosts[0]!.user!, '-x', sshOptions, SCRIPT];
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(PSSH, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ code: exitCode, output }));
  });
  const elapsed = performance.now() - started;
  const succeeded = (output.match(/\[SUCCESS\]/g) ?? []).length;
  if (code !== 0 || succeeded !== HOSTS) {
    throw new Error(
      `parallel-ssh failed (exit ${code}, ${succeeded}/${HOSTS} hosts succeeded):\n${output.slice(-2000)}`,
    );
  }
  return Math.round(elapsed);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchSshFanout();
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(30)} ${value}`);
}
