import type { UpstreamServer } from '../deploy-strategy';
import { TrafficError } from './traffic-error';

// The nginx upstream file as plain text in, plain data out: rendering takes the time as a
// parameter so the same servers always give the same file (unit-testable, diffable), and parsing
// reads back what we wrote, plus the hand-written forms an operator may have left there.

export interface UpstreamFile {
  /** The upstream block's name, as the site config's `proxy_pass http://<name>` uses it. */
  upstream: string;
  servers: UpstreamServer[];
  runId: string;
  /** When it was written; an ISO string is written as given. */
  at: Date | string;
}

/** host:port, [v6]:port or a name:port; nothing nginx would read as syntax (; { } # or spaces). */
const addressPattern = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):(\d{1,5})$/;

/**
 * Refuses what nginx would reject or misread, before anything is written: weights must be whole
 * percentages, and at least one server must take traffic (an upstream of only `down` servers
 * passes `nginx -t` but answers every request with 502).
 */
export function checkServers(servers: readonly UpstreamServer[], where: string): void {
  const bad = (message: string, details: Record<string, unknown> = {}) =>
    new TrafficError('proxy-servers-invalid', `${where}: ${message}`, { where, ...details });
  if (servers.length === 0) throw bad('no upstream servers given; at least one must take traffic');
  const seen = new Set<string>();
  servers.forEach((server, i) => {
    const match = addressPattern.exec(server.address);
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65535) {
      throw bad(`servers[${i}].address "${server.address}" is not host:port (e.g. 127.0.0.1:8081)`, { index: i });
    }
    if (!Number.isInteger(server.weight) || server.weight < 0 || server.weight > 100) {
      throw bad(`servers[${i}] (${server.address}): weight ${server.weight} is not a whole number 0–100`, {
        index: i,
      });
    }
    if (seen.has(server.address)) throw bad(`servers[${i}]: ${server.address} is listed twice`, { index: i });
    seen.add(server.address);
  });
  if (servers.every((server) => server.weight === 0)) {
    const list = servers.map((s) => `${s.address}${s.label ? ` (${s.label})` : ''}`).join(', ');
    throw new TrafficError(
      'proxy-no-traffic',
      `${where}: every server has weight 0 (${list}); nobody would be served`,
      {
        where,
      },
    );
  }
}

/** A label is a comment line: no newline may end it early and turn the rest into configuration. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t\f\v]+/g, ' ').trim();
}

/**
 * nginx refuses `weight=0`, so a server that should get nothing is written `down`: it stays in the
 * file (and in `current()`) with its label, ready to be switched back to by one reload.
 */
export function renderUpstream(file: UpstreamFile): string {
  const at = typeof file.at === 'string' ? file.at : file.at.toISOString();
  const lines = [
    `# written by Release Pilot run ${oneLine(file.runId)} at ${at}`,
    '# Release Pilot rewrites this file on every traffic switch; change the environment, not this file.',
    `upstream ${file.upstream} {`,
  ];
  for (const server of file.servers) {
    lines.push(`  # ${oneLine(server.label) || server.address}`);
    lines.push(`  server ${server.address} ${server.weight === 0 ? 'down' : `weight=${server.weight}`};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/**
 * The servers of `upstream <name> { … }` in `text`. A server without `weight=` has nginx's default
 * weight 1; `down` and `backup` servers get no share of normal traffic, so they read as weight 0.
 * The comment line right above a server is its label.
 */
export function parseUpstream(text: string, upstream: string, file: string): UpstreamServer[] {
  const lines = text.split('\n');
  const open = new RegExp(`^\\s*upstream\\s+${upstream.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\{\\s*$`);
  const start = lines.findIndex((line) => open.test(line));
  const unreadable = (line: number | undefined, message: string) =>
    new TrafficError('proxy-upstream-unreadable', `${file}${line === undefined ? '' : `:${line}`}: ${message}`, {
      file,
      line,
    });
  if (start < 0) throw unreadable(undefined, `no "upstream ${upstream} {" block (on a line of its own)`);

  const servers: UpstreamServer[] = [];
  let label = '';
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '}') return servers;
    if (line.startsWith('#')) {
      label = line.slice(1).trim();
      continue;
    }
    if (line === '') continue;
    const server = /^server\s+(\S+)((?:\s+[^\s;]+)*)\s*;$/.exec(line);
    if (server) {
      servers.push({ address: server[1]!, weight: weightOf(server[2]!.trim().split(/\s+/)), label });
    } else if (!/^[a-z_]+(\s[^;]*)?;$/.test(line)) {
      // Other directives (keepalive, zone, least_conn …) are left alone; anything else is not nginx.
      throw unreadable(i + 1, `cannot read "${line}" inside upstream ${upstream}`);
    }
    label = '';
  }
  throw unreadable(start + 1, `upstream ${upstream} has no closing "}"`);
}

function weightOf(parameters: string[]): number {
  if (parameters.includes('down') || parameters.includes('backup')) return 0;
  const weight = parameters.find((p) => p.startsWith('weight='));
  return weight ? Number(weight.slice('weight='.length)) : 1;
}

/** "green v2 100 %, blue v1 0 %": how a switch is told in the run's output. */
export function describeServers(servers: readonly UpstreamServer[]): string {
  return servers.map((s) => `${s.label || s.address} ${s.weight} %`).join(', ');
}
