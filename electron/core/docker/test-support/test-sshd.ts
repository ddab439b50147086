import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ssh2';

/**
 * A throwaway sshd on a free loopback port, for the Docker-over-SSH tests only (the ssh/ layer has its own
 * lab). Runs as root: needs /run/sshd, UsePAM no and StrictModes no because the keys live under /tmp.
 */
export interface TestSshd {
  host: '127.0.0.1';
  port: number;
  username: string;
  privateKey: Buffer;
  /** sshd's log so far (-e sends it to stderr): one "Accepted publickey" per SSH connection. */
  log(): string;
  /** Opens an authenticated ssh2 connection to this sshd. */
  connect(): Promise<Client>;
  stop(): Promise<void>;
}

export interface TestSshdOptions {
  /** sshd ForceCommand: every session runs this instead, e.g. to play a host without docker. */
  forceCommand?: string;
}

export async function startTestSshd(options: TestSshdOptions = {}): Promise<TestSshd> {
  const dir = mkdtempSync(join(tmpdir(), 'rp-docker-sshd-'));
  mkdirSync('/run/sshd', { recursive: true });
  const keygen = (file: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, file)]);
  keygen('host_key');
  keygen('client_key');
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_key.pub')));
  const port = await freePort();
  const config = [
    `ListenAddress 127.0.0.1:${port}`,
    `HostKey ${join(dir, 'host_key')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'UsePAM no',
    'StrictModes no',
    'PermitRootLogin yes',
    'PasswordAuthentication no',
    'PidFile none',
    'Subsystem sftp internal-sftp',
    ...(options.forceCommand ? [`ForceCommand ${options.forceCommand}`] : []),
  ].join('\n');
  writeFileSync(join(dir, 'sshd_config'), `${config}\n`);
  const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    await waitForPort(port, child, () => stderr);
  } catch (error) {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const privateKey = readFileSync(join(dir, 'client_key'));
  const username = 'root';
  const clients: Client[] = [];
  return {
    host: '127.0.0.1',
    port,
    username,
    privateKey,
    log: () => stderr,
    connect: () =>
      new Promise((resolve, reject) => {
        const client = new Client();
        clients.push(client);
        client.once('ready', () => resolve(client));
        client.once('error', reject);
        client.connect({ host: '127.0.0.1', port, username, privateKey, readyTimeout: 10_000 });
      }),
    stop: async () => {
      for (const client of clients) client.end();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}: ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sshd did not listen on 127.0.0.1:${port} within 10 s: ${stderr()}`);
}
