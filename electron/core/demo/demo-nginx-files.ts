import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quote } from 'shell-quote';
import { demoEnvironments } from './demo-layout';
import type { DemoNginx, DemoProxyPorts } from './demo-proxy';

// The demo nginx's files: its config, one upstream file per environment (which deployments
// rewrite), and the reload script the environments name. Every path is quoted: the default data
// folder is ".../Release Pilot", with a space.

/** An nginx string: double-quoted, with `\` and `"` escaped. */
function nginxString(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

export function nginxConfig(nginx: DemoNginx, ports: DemoProxyPorts): string {
  const temp = join(nginx.dir, 'temp');
  const lines = [
    "# The demo's own nginx, written by Release Pilot (a reset removes it). It proxies each",
    '# environment to the slot its upstream file names; a deployment rewrites that file and reloads.',
    'worker_processes 1;',
    `pid ${nginxString(nginx.pidFile)};`,
    `error_log ${nginxString(nginx.errorLog)} warn;`,
    'events { worker_connections 256; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (k) => `  ${k}_temp_path ${nginxString(join(temp, k))};`,
    ),
  ];
  for (const env of demoEnvironments) {
    lines.push(
      `  include ${nginxString(nginx.upstreamFile(env))};`,
      '  server {',
      `    listen 127.0.0.1:${ports[env]};`,
      `    location / { proxy_pass http://${nginx.upstreamName(env)}; proxy_connect_timeout 1s; }`,
      '  }',
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}

/**
 * Reloads the demo's nginx, or starts it when it is not running (after a restart of this
 * machine). The pid file is trusted only when that process is an nginx run with our prefix: after
 * a crash the number may belong to anything else.
 */
export function reloadScript(nginx: DemoNginx): string {
  const command = quote([nginx.binary, ...nginx.base]);
  return [
    '#!/bin/sh',
    "# Reloads the demo's nginx, or starts it when it is not running (written by Release Pilot).",
    `prefix=${quote([nginx.dir])}`,
    `pid=$(cat ${quote([nginx.pidFile])} 2>/dev/null)`,
    'if [ -n "$pid" ]; then',
    `  cmd=$(tr '\\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null || ps -p "$pid" -o command= 2>/dev/null)`,
    '  case "$cmd" in',
    `    *nginx*"$prefix"*) exec ${command} -s reload ;;`,
    '  esac',
    'fi',
    `exec ${command}`,
    '',
  ].join('\n');
}

/** Writes the config, the placeholder upstreams (nothing deployed yet) and the reload script. */
export async function writeDemoNginx(nginx: DemoNginx, ports: DemoProxyPorts): Promise<void> {
  await mkdir(join(nginx.dir, 'temp'), { recursive: true });
  await writeFile(nginx.conf, nginxConfig(nginx, ports));
  for (const env of demoEnvironments) {
    // nginx refuses an empty upstream: this one names a closed port and is marked down (answers 502).
    const placeholder = `upstream ${nginx.upstreamName(env)} {\n  # nothing deployed yet\n  server 127.0.0.1:1 down;\n}\n`;
    await writeFile(nginx.upstreamFile(env), placeholder);
  }
  await writeFile(nginx.reloadScript, reloadScript(nginx), { mode: 0o755 });
}
