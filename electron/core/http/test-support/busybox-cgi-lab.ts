import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test-lab/sshd-lab';

// busybox httpd serving two CGI scripts, as a small app's health pages often are. busybox passes a
// script's header lines on as printed, ending in a bare LF: `/cgi-bin/health` answers 200 with
// `X-Version: v7` and "healthy", `/cgi-bin/broken` 500 "broken".

export interface BusyboxCgiLab {
  base: string;
  stop(): Promise<void>;
}

export async function startBusyboxCgi(): Promise<BusyboxCgiLab> {
  const root = mkdtempSync(join(tmpdir(), 'rp-busybox-cgi-'));
  mkdirSync(join(root, 'cgi-bin'));
  const script = (name: string, lines: string[]) => {
    const file = join(root, 'cgi-bin', name);
    writeFileSync(file, `#!/bin/sh\n${lines.map((line) => `echo "${line}"`).join('\n')}\n`);
    chmodSync(file, 0o755);
  };
  script('health', ['Content-Type: text/plain', 'X-Version: v7', '', 'healthy']);
  script('broken', ['Status: 500 Internal', 'Content-Type: text/plain', '', 'broken']);
  const port = await freePort();
  const httpd: ChildProcess = spawn('/bin/busybox', ['httpd', '-f', '-p', `127.0.0.1:${port}`, '-h', root], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  // Ready when curl gets an answer (curl is the yardstick of these tests anyway).
  for (;;) {
    try {
      execFileSync('curl', ['-s', '-o', '/dev/null', `${base}/cgi-bin/health`]);
      break;
    } catch {
      if (httpd.exitCode !== null) throw new Error(`busybox httpd exited (${httpd.exitCode}) on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    base,
    async stop() {
      if (httpd.exitCode === null) {
        const exited = new Promise((resolve) => httpd.once('exit', resolve));
        httpd.kill('SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
