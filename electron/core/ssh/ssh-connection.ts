import { Client, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import type { Logger } from '../ports';
import { checkHostKey, hostKeyAlgorithmsFor, loadHostKeyPolicy } from './host-key';
import { mapConnectError, SshError } from './ssh-errors';
import { type ResolveOptions, resolveSshHost, type SshHostConfig } from './ssh-target';

/** One logged-in SSH session to one host, shared by every command a run sends there. */
export interface SshConnection {
  readonly host: SshHostConfig;
  /** "web-2 (127.0.0.1:2203)" */
  readonly label: string;
  readonly client: Client;
  readonly closed: boolean;
  /** One SFTP session per connection, opened on first use. */
  sftp(): Promise<SFTPWrapper>;
  /** Called once when the connection ends for any reason; returns an unsubscribe function. */
  onClose(listener: (error?: Error) => void): () => void;
  /**
   * Waits for a free session slot and returns its release function. OpenSSH refuses more than
   * MaxSessions (default 10) channels per connection, so commands beyond that queue here rather
   * than fail; two slots stay spare for SFTP and for stopping a cancelled command. Rejects with
   * the signal's reason if aborted while waiting.
   */
  acquireChannel(signal?: AbortSignal): Promise<() => void>;
  end(): void;
}

/** Commands sharing one connection at once; OpenSSH's default MaxSessions is 10. */
export const MAX_CHANNELS = 8;

export interface ConnectOptions extends ResolveOptions {
  logger: Logger;
  connectTimeoutMs?: number;
  keepaliveMs?: number;
  /** Called when the SSH handshake has completed (before authentication). */
  onHandshake?: () => void;
}

/** Resolves, connects, verifies the host key and logs in; every failure is a typed SshError. */
export async function openSshConnection(host: SshHostConfig, options: ConnectOptions): Promise<SshConnection> {
  const target = await resolveSshHost(host, options);
  const policy = await loadHostKeyPolicy(target);
  const timeoutMs = options.connectTimeoutMs ?? 10_000;
  const log = options.logger.child({ host: target.name, address: `${target.host}:${target.port}` });
  const client = new Client();
  let keyProblem: SshError | undefined;

  const config: ConnectConfig = {
    host: target.host,
    port: target.port,
    username: target.username,
    privateKey: target.privateKey,
    agent: target.agent,
    readyTimeout: timeoutMs,
    keepaliveInterval: options.keepaliveMs ?? 15_000,
    keepaliveCountMax: 3,
    hostVerifier: (key: Buffer) => {
      keyProblem = checkHostKey(policy, key);
      return keyProblem === undefined;
    },
  };
  const serverHostKey = hostKeyAlgorithmsFor(policy);
  if (serverHostKey) config.algorithms = { serverHostKey: serverHostKey as never };

  log.debug('ssh connecting', { user: target.username });
  const started = Date.now();
  // Wrapped before connecting so that an 'error' event always has a listener (ssh2 may emit
  // more than one, and an unheard 'error' would crash the process).
  const connection = wrap(host, target.label, client, log);
  await new Promise<void>((resolve, reject) => {
    let handshaken = false;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      client.removeListener('ready', onReady);
      client.end();
      const mapped = keyProblem ?? mapConnectError(error, target.label, timeoutMs);
      // Say who we tried to be and with what, so "authentication failed" can be acted on.
      if (mapped.code === 'auth-failed' && !keyProblem) {
        const how = target.identityFile
          ? `identity file ${target.identityFile}`
          : target.agent
            ? `ssh-agent at ${target.agent}`
            : 'no key';
        mapped.message = `${mapped.message}; tried user ${target.username} with ${how}`;
      }
      reject(mapped);
    };
    const onReady = () => {
      settled = true;
      client.removeListener('error', fail);
      resolve();
    };
    client.once('ready', onReady);
    client.on('error', fail);
    client.on('handshake', () => {
      if (handshaken) return; // later 'handshake' events are re-keys, not new connections
      handshaken = true;
      options.onHandshake?.();
    });
    try {
      client.connect(config);
    } catch (error) {
      // ssh2 throws synchronously for a key it cannot parse (encrypted, wrong format).
      const detail = `cannot use identity file ${target.identityFile}: ${(error as Error).message}`;
      fail(new SshError('auth-failed', target.label, detail, { cause: error }));
    }
  }).catch((error: SshError) => {
    log.warn('ssh connect failed', { code: error.code, error: error.message });
    throw error;
  });
  log.info('ssh connected', { ms: Date.now() - started });
  return connection;
}

function wrap(host: SshHostConfig, label: string, client: Client, log: Logger): SshConnection {
  const listeners = new Set<(error?: Error) => void>();
  let closed = false;
  let lastError: Error | undefined;
  let sftp: Promise<SFTPWrapper> | undefined;
  let busy = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else busy--;
  };
  // A connection error after login (keepalive timeout, reset) must not crash the process; it
  // closes the connection, and whoever is using it hears about it through onClose.
  client.on('error', (error) => {
    lastError = mapConnectError(error, label, 0);
    log.debug('ssh connection error', { error: lastError.message });
  });
  client.on('close', () => {
    closed = true;
    log.debug('ssh connection closed');
    for (const listener of [...listeners]) listener(lastError);
    listeners.clear();
  });
  return {
    host,
    label,
    client,
    get closed() {
      return closed;
    },
    sftp() {
      sftp ??= new Promise<SFTPWrapper>((resolve, reject) => {
        client.sftp((error, session) => {
          if (error) {
            sftp = undefined;
            reject(new SshError('command-failed', label, `cannot open an SFTP session: ${error.message}`));
          } else resolve(session);
        });
      });
      return sftp;
    },
    onClose(listener) {
      if (closed) {
        queueMicrotask(() => listener(lastError));
        return () => {};
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    acquireChannel(signal) {
      let released = false;
      const once = () => {
        if (!released) {
          released = true;
          release();
        }
      };
      if (busy < MAX_CHANNELS) {
        busy++;
        return Promise.resolve(once);
      }
      return new Promise((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(once);
        };
        const onAbort = () => {
          waiting.splice(waiting.indexOf(grant), 1);
          reject(signal?.reason);
        };
        waiting.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    end() {
      client.end();
    },
  };
}
