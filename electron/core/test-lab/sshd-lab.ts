import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fingerprintOf, probeHostKey } from '../ssh/host-key';
import type { SshHostConfig } from '../ssh/ssh-target';

// Real OpenSSH servers on loopback for tests and benchmarks (DESIGN §4): each its own sshd
// with its own throwaway host key, all accepting one client key, for the current user.

const SSHD = '/usr/sbin/sshd'; // sshd refuses to run from a relative path (it re-executes itself)
const run = promisify(execFile);

export type LabHost = SshHostConfig & { name: string; address: string; port: number; fingerprint: string };

export interface SshdHandle {
  host: LabHost;
  port: number;
  /** `[127.0.0.1]:port ssh-ed25519 AAAA…`, ready for a known_hosts file. */
  knownHostsLine: string;
  /** What sshd printed on stderr (LogLevel ERROR), for diagnosing a failing test. */
  logs(): string;
  stop(): Promise<void>;
}

export interface StartSshdOptions {
  name: string;
  /** Folder to keep this server's files in (a subfolder named after the host is made). */
  dir: string;
  /** authorized_keys content (the client public key line). */
  authorizedKey: string;
  clientKeyPath: string;
  /** Reuse a port, e.g. to restart a host with a different host key; a free one otherwise. */
  port?: number;
  /** Extra sshd_config lines (e.g. `MaxSessions 50`). */
  extraConfig?: string[];
  /** Keep the host key made by an earlier start in `dir` (a host that went down and came back). */
  keepHostKey?: boolean;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Starts one sshd with a freshly generated host key; resolves once it greets on its port. */
export async function startSshd(options: StartSshdOptions): Promise<SshdHandle> {
  ensurePrivsepDir();
  const dir = join(options.dir, options.name);
  await mkdir(dir, { recursive: true });
  const hostKey = join(dir, 'ssh_host_ed25519_key');
  const kept = options.keepHostKey && (await readFile(`${hostKey}.pub`, 'utf8').catch(() => undefined));
  if (!kept) {
    await rm(hostKey, { force: true });
    await rm(`${hostKey}.pub`, { force: true });
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `rp-lab-${options.name}`, '-f', hostKey]);
  }
  const publicKey = (await readFile(`${hostKey}.pub`, 'utf8')).trim();
  const authorizedKeys = join(dir, 'authorized_keys');
  await writeFile(authorizedKeys, `${options.authorizedKey.trim()}\n`, { mode: 0o600 });

  // An auto-picked port can be taken between picking and binding; try a few.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const config = join(dir, 'sshd_config');
    await writeFile(config, sshdConfig(port, hostKey, authorizedKeys, options.extraConfig ?? []));
    try {
      const [type = '', blob = ''] = publicKey.split(/\s+/);
      const child = await spawnSshd(config, port, options.name, fingerprintOf(Buffer.from(blob, 'base64')));
      const host: LabHost = {
        name: options.name,
        address: '127.0.0.1',
        port,
        user: userInfo().username,
        identityFile: options.clientKeyPath,
        fingerprint: fingerprintOf(Buffer.from(blob, 'base64')),
      };
      return {
        host,
        port,
        knownHostsLine: `[127.0.0.1]:${port} ${type} ${blob}`,
        logs: () => child.logs,
        stop: () => stopProcess(child.process),
      };
    } catch (error) {
      if (options.port !== undefined || attempt >= 3) throw error;
    }
  }
}

export interface SshdLab {
  /** Ready to connect: identityFile and knownHosts are set; `fingerprint` is for pinning tests. */
  hosts: LabHost[];
  servers: SshdHandle[];
  dir: string;
  clientKeyPath: string;
  clientPublicKey: string;
  knownHostsPath: string;
  stop(): Promise<void>;
}

/** N sshd "hosts" on 127.0.0.1, one shared client key, one known_hosts covering them all. */
export async function startSshdLab(options: { hosts: number; extraConfig?: string[] }): Promise<SshdLab> {
  const dir = await mkdtemp(join(tmpdir(), 'rp-sshd-lab-'));
  const servers: SshdHandle[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const clientKeyPath = join(dir, 'client_ed25519');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'rp-lab-client', '-f', clientKeyPath]);
    const clientPublicKey = (await readFile(`${clientKeyPath}.pub`, 'utf8')).trim();
    const started = await Promise.allSettled(
      Array.from({ length: options.hosts }, (_, i) =>
        startSshd({
          name: `host-${i + 1}`,
          dir,
          authorizedKey: clientPublicKey,
          clientKeyPath,
          extraConfig: options.extraConfig,
        }),
      ),
    );
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const knownHostsPath = join(dir, 'known_hosts');
    await writeFile(knownHostsPath, `${servers.map((s) => s.knownHostsLine).join('\n')}\n`);
    const hosts = servers.map((s) => ({ ...s.host, knownHosts: knownHostsPath }));
    return { hosts, servers, dir, clientKeyPath, clientPublicKey, knownHostsPath, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function sshdConfig(port: number, hostKey: string, authorizedKeys: string, extra: string[]): string {
  return `${[
    `ListenAddress 127.0.0.1:${port}`,
    `HostKey ${hostKey}`,
    `AuthorizedKeysFile ${authorizedKeys}`,
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PermitRootLogin yes',
    'UsePAM no',
    // Keys live under /tmp, whose permissions sshd's StrictModes would reject.
    'StrictModes no',
    'PidFile none',
    'Subsystem sftp internal-sftp',
    'LogLevel ERROR',
    'UseDNS no',
    'PrintMotd no',
    // The default 10:30:100 drops connections when twenty clients arrive at once (benchmarks).
    'MaxStartups 100',
    ...extra,
  ].join('\n')}\n`;
}

function ensurePrivsepDir(): void {
  try {
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  } catch {
    // Not root: sshd then runs without privilege separation and does not need it.
  }
}

async function spawnSshd(
  config: string,
  port: number,
  name: string,
  fingerprint: string,
): Promise<{ process: ChildProcess; logs: string }> {
  const child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  const state = { process: child, logs: '' };
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    state.logs = (state.logs + text).slice(-8192);
  });
  live.add(child);
  installExitHook();
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    live.delete(child);
    exited = `exited with ${signal ?? `code ${code}`}`;
  });
  child.once('error', (error) => {
    exited = `could not start: ${error.message}`;
  });
  const deadline = Date.now() + 10_000;
  const fail = async (why: string) => {
    await stopProcess(child);
    return new Error(`sshd for ${name} on 127.0.0.1:${port} ${why}: ${state.logs.trim() || '(no output)'}`);
  };
  for (;;) {
    // Ready means: this sshd answers with its own host key. A mere TCP accept (or another sshd
    // already holding the port) would make the test talk to the wrong server.
    const presented = await presentedKey(port);
    if (exited) throw await fail(exited);
    if (presented === fingerprint) return state;
    if (presented) throw await fail(`found another SSH server (key ${presented}) already on the port`);
    if (Date.now() > deadline) throw await fail('did not accept connections within 10 s');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function presentedKey(port: number): Promise<string | undefined> {
  return probeHostKey({ name: 'lab', address: '127.0.0.1', port }, { timeoutMs: 2000 }).catch(() => undefined);
}

/** A loopback port nothing listens on right now (for "unreachable host" tests, or to bind). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Stops sshd like a host going down: the listener, every per-connection sshd (each in its own
 * session, so not in the listener's group) and the commands they run. Clients see the drop.
 */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pids = [...descendantsOf(child.pid), child.pid];
  for (const pid of pids) signal(pid, 'SIGTERM');
  const timer = setTimeout(() => {
    for (const pid of pids) signal(pid, 'SIGKILL');
  }, 2000);
  await exited;
  clearTimeout(timer);
}

/** Every process below pid, from /proc (Linux, like the rest of the lab). */
function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name before it may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const pid of children.get(queue.shift()!) ?? []) {
      found.push(pid);
      queue.push(pid);
    }
  }
  return found;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** A test run that dies without stop() must not leave sshd listening behind it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live)
      if (child.pid) for (const pid of [...descendantsOf(child.pid), child.pid]) signal(pid, 'SIGKILL');
  });
}
