import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import type { DemoProxy } from '../../../shared/api/schemas/demo';
import type { DemoEnvironment } from './demo-layout';
import { nginxRunning } from './demo-nginx-process';

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

/** nginx -v prints "nginx version: nginx/1.22.1" on stderr; -e exists from 1.19.5. */
export async function nginxHasErrorLogFlag(binary: string): Promise<boolean> {
  const { stderr } = await run(binary, ['-v'], { timeout: 5000 }).catch((error) => ({ stderr: String(error) }));
  const [major = 0, minor = 0, patch = 0] = (/nginx\/(\d+)\.(\d+)\.(\d+)/.exec(stderr) ?? []).slice(1).map(Number);
  return major * 1_000_000 + minor * 1000 + patch >= 1_019_005;
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

/**
 * `errorLogFlag`: nginx before 1.19.5 has no `-e`; without it, nginx first opens its compiled-in
 * error log (a warning when that is not writable) and then the config's.
 */
export function demoNginx(binary: string, dir: string, errorLogFlag = true): DemoNginx {
  const conf = join(dir, 'nginx.conf');
  const errorLog = join(dir, 'error.log');
  return {
    binary,
    dir,
    conf,
    pidFile: join(dir, 'nginx.pid'),
    errorLog,
    base: ['-p', dir, '-c', conf, ...(errorLogFlag ? ['-e', errorLog] : [])],
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

/** `note`: why there is no proxy when nginx is installed but refused the demo's config. */
export async function describeDemoProxy(nginx: DemoNginx | undefined, note?: string): Promise<DemoProxy> {
  if (!nginx) return { kind: 'none', running: false, message: note ?? noNginxMessage };
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
