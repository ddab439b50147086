import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import type { DemoProxy } from '../../../shared/api/schemas/demo';
import { waitPortOpen } from '../lib/port-open';
import { type DemoEnvironment, demoEnvironments } from './demo-layout';

// The demo's blue-green switches traffic with a real nginx: the one installed on this machine, run
// as the demo's own master (config, pid, logs and upstream files under <data>/demo/proxy), so it
// never touches the system's nginx or its sites. Where nginx is not installed, the demo deploys by
// recreate and says what to install.

const run = promisify(execFile);
const nginxPlaces = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx', '/opt/homebrew/bin/nginx'];

export async function findNginx(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'nginx'));
  for (const candidate of [...onPath, ...nginxPlaces]) {
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}

export const noNginxMessage =
  'nginx is not installed, so the demo deploys by recreate: the old version stops before the new one starts, ' +
  'and the report shows the measured downtime. For zero-downtime blue-green, install nginx ' +
  '(Debian/Ubuntu: sudo apt-get install nginx; Fedora: sudo dnf install nginx; macOS: brew install nginx), ' +
  'then reset the demo.';

export interface DemoProxyPorts {
  staging: number;
  production: number;
}

export interface DemoNginx {
  binary: string;
  dir: string;
  conf: string;
  pidFile: string;
  errorLog: string;
  /** -p/-c/-e: every command talks to the demo's master and no other nginx. */
  base: string[];
  upstreamFile(env: DemoEnvironment): string;
  upstreamName(env: DemoEnvironment): string;
  reloadScript: string;
}

export function demoNginx(binary: string, dir: string): DemoNginx {
  const conf = join(dir, 'nginx.conf');
  const errorLog = join(dir, 'error.log');
  return {
    binary,
    dir,
    conf,
    pidFile: join(dir, 'nginx.pid'),
    errorLog,
    base: ['-p', dir, '-c', conf, '-e', errorLog],
    upstreamFile: (env) => join(dir, `${env}-upstream.conf`),
    upstreamName: (env) => `demo-${env}`,
    reloadScript: join(dir, 'reload.sh'),
  };
}

/** The environment's `proxy:` section for this nginx. */
export function proxySection(nginx: DemoNginx, env: DemoEnvironment) {
  return {
    kind: 'nginx' as const,
    upstreamFile: nginx.upstreamFile(env),
    upstream: nginx.upstreamName(env),
    test: [nginx.binary, '-t', ...nginx.base],
    reload: ['/bin/sh', nginx.reloadScript],
  };
}

/** Writes the config, the placeholder upstreams (nothing deployed yet) and the reload script. */
export async function writeDemoNginx(nginx: DemoNginx, ports: DemoProxyPorts): Promise<void> {
  const temp = join(nginx.dir, 'temp');
  await mkdir(temp, { recursive: true });
  const lines = [
    "# The demo's own nginx, written by Release Pilot (a reset removes it). It proxies each",
    '# environment to the slot its upstream file names; a deployment rewrites that file and reloads.',
    'worker_processes 1;',
    `pid ${nginx.pidFile};`,
    `error_log ${nginx.errorLog} warn;`,
    'events { worker_connections 256; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${join(temp, k)};`),
  ];
  for (const env of demoEnvironments) {
    lines.push(
      `  include ${nginx.upstreamFile(env)};`,
      '  server {',
      `    listen 127.0.0.1:${ports[env]};`,
      `    location / { proxy_pass http://${nginx.upstreamName(env)}; proxy_connect_timeout 1s; }`,
      '  }',
    );
  }
  lines.push('}', '');
  await writeFile(nginx.conf, lines.join('\n'));
  for (const env of demoEnvironments) {
    // nginx refuses an empty upstream: this one names a closed port and is marked down (answers 502).
    const placeholder = `upstream ${nginx.upstreamName(env)} {\n  # nothing deployed yet\n  server 127.0.0.1:1 down;\n}\n`;
    await writeFile(nginx.upstreamFile(env), placeholder);
  }
  const quoted = [nginx.binary, ...nginx.base].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  await writeFile(
    nginx.reloadScript,
    [
      '#!/bin/sh',
      "# Reloads the demo's nginx, or starts it when it is not running (after a restart of this machine).",
      `if [ -f '${nginx.pidFile}' ] && kill -0 "$(cat '${nginx.pidFile}')" 2>/dev/null; then`,
      `  exec ${quoted} -s reload`,
      'fi',
      `exec ${quoted}`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
}

async function masterPid(nginx: DemoNginx): Promise<number | undefined> {
  const text = await readFile(nginx.pidFile, 'utf8').catch(() => '');
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export async function nginxRunning(nginx: DemoNginx): Promise<boolean> {
  return (await masterPid(nginx)) !== undefined;
}

/** Starts the demo's nginx (it daemonizes, so it outlives this process) unless it runs already. */
export async function startDemoNginx(nginx: DemoNginx, ports: DemoProxyPorts): Promise<void> {
  if (await nginxRunning(nginx)) return;
  try {
    await run(nginx.binary, nginx.base, { timeout: 10_000 });
  } catch (error) {
    const log = (await readFile(nginx.errorLog, 'utf8').catch(() => '')).trim().split('\n').slice(-3).join(' | ');
    const said = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new Error(
      `The demo's nginx (${nginx.binary}) did not start: ${said}${log ? ` (${nginx.errorLog}: ${log})` : ''}`,
    );
  }
  for (const port of [ports.staging, ports.production]) {
    await waitPortOpen(port, {
      timedOut: () => new Error(`The demo's nginx does not listen on 127.0.0.1:${port} (see ${nginx.errorLog})`),
    });
  }
}

/** Fast shutdown (SIGTERM), waiting for the master to be gone. */
export async function stopDemoNginx(nginx: DemoNginx): Promise<boolean> {
  const pid = await masterPid(nginx);
  if (pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while ((await masterPid(nginx)) !== undefined) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

export async function describeDemoProxy(nginx: DemoNginx | undefined): Promise<DemoProxy> {
  if (!nginx) return { kind: 'none', running: false, message: noNginxMessage };
  const running = await nginxRunning(nginx);
  return {
    kind: 'nginx',
    binary: nginx.binary,
    running,
    message: running
      ? `The demo's own nginx (${nginx.binary}) switches blue-green traffic; its files are in ${nginx.dir}.`
      : `The demo's nginx (${nginx.binary}) is not running; it starts with the demo, or at the first deployment.`,
  };
}
