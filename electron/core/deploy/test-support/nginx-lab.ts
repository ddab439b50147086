import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitPortOpen } from '../../lib/port-open';
import { freePort } from '../../test-lab/sshd-lab';
import type { NginxProxy } from '../traffic/nginx-switch';

// Debian's real nginx as its own master for a test: a private prefix, config, pid and logs in a
// temp dir, listening on a free loopback port and proxying to `upstream app` from an include file
// that the traffic switch rewrites. Test and reload commands use the same -p/-c, so they talk to
// this nginx and no other.

export const nginxBinary = '/usr/sbin/nginx';

export interface NginxLab {
  dir: string;
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  upstreamFile: string;
  /** The environment's `proxy:` section for this nginx. */
  proxy: NginxProxy;
  /** The tail of nginx's error log, for a failing test's message. */
  errorLog(): Promise<string>;
  /**
   * Resolves once a reload has fully taken over: `nginx -s reload` returns when the master got the
   * signal, and for a few milliseconds after, old workers (old config) still accept connections.
   * Waits until every worker is one that did not exist at the previous call (or at start) and no
   * old worker is still shutting down. Call it once per reload.
   */
  settled(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface NginxLabOptions {
  /** The include file's initial content; default: a placeholder upstream that serves nothing. */
  upstream?: string;
  /** Extra directives for the `location /` block. */
  location?: string[];
}

/** nginx cannot start with an empty include; this upstream names a closed port and is marked down. */
const placeholderUpstream = 'upstream app {\n  # nothing deployed yet\n  server 127.0.0.1:1 down;\n}\n';

export async function startTestNginx(options: NginxLabOptions = {}): Promise<NginxLab> {
  const dir = await mkdtemp(join(tmpdir(), 'rp-nginx-lab-'));
  const conf = join(dir, 'nginx.conf');
  const upstreamFile = join(dir, 'upstream.conf');
  const errorLogPath = join(dir, 'error.log');
  const port = await freePort();
  const location = ['proxy_pass http://app;', 'proxy_connect_timeout 1s;', ...(options.location ?? [])];
  await writeFile(
    conf,
    `${[
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${errorLogPath} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      `  access_log ${join(dir, 'access.log')};`,
      `  include ${upstreamFile};`,
      '  server {',
      `    listen 127.0.0.1:${port};`,
      `    location / { ${location.join(' ')} }`,
      '  }',
      '}',
    ].join('\n')}\n`,
  );
  await writeFile(upstreamFile, options.upstream ?? placeholderUpstream);
  const base = ['-p', dir, '-c', conf, '-e', errorLogPath];
  const child = spawn(nginxBinary, [...base, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    stderr = (stderr + text).slice(-4096);
  });
  const stop = async () => {
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  };
  let known: Set<number>;
  try {
    await waitListening(port, child, () => stderr);
    known = new Set((await workersOf(child.pid!)).map((w) => w.pid));
  } catch (error) {
    await stop();
    throw error;
  }
  const settled = async (timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const workers = await workersOf(child.pid!);
      const fresh = workers.filter((w) => !known.has(w.pid) && !w.shuttingDown);
      if (fresh.length > 0 && fresh.length === workers.length) {
        known = new Set(fresh.map((w) => w.pid));
        return;
      }
      if (Date.now() > deadline)
        throw new Error(`nginx on port ${port} did not finish a reload within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return {
    dir,
    port,
    url: `http://127.0.0.1:${port}`,
    upstreamFile,
    proxy: {
      kind: 'nginx',
      upstreamFile,
      upstream: 'app',
      test: [nginxBinary, '-t', ...base],
      reload: [nginxBinary, '-s', 'reload', ...base],
    },
    settled,
    errorLog: async () => (await readFile(errorLogPath, 'utf8').catch(() => '')).slice(-4096),
    stop,
  };
}

/** The master's children from /proc (Linux), and whether each is an old worker finishing up. */
async function workersOf(master: number): Promise<{ pid: number; shuttingDown: boolean }[]> {
  const workers: { pid: number; shuttingDown: boolean }[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Field 4 (ppid) follows the command name, which is in parentheses and may hold spaces.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid !== master) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    workers.push({ pid: Number(entry), shuttingDown: cmdline.includes('shutting down') });
  }
  return workers;
}

function waitListening(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  return waitPortOpen(port, {
    intervalMs: 20,
    check: () => {
      if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr().trim()}`);
    },
    timedOut: () => new Error(`nginx did not listen on 127.0.0.1:${port} within 10 s: ${stderr()}`),
  });
}

/** SIGTERM is nginx's fast shutdown: the master stops its workers and exits. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
