import type { Logger } from '../ports';
import { openSshConnection, type SshConnection } from './ssh-connection';
import type { ResolveOptions, SshHostConfig } from './ssh-target';

export interface SshPoolOptions extends ResolveOptions {
  logger: Logger;
  connectTimeoutMs?: number;
  keepaliveMs?: number;
}

export interface SshPoolStats {
  /** SSH handshakes completed since the pool was made: a reused connection adds none. */
  handshakes: number;
  /** Connections open or being opened. */
  open: number;
  /** Connection attempts that failed. */
  failures: number;
}

export interface SshPool {
  connection(host: SshHostConfig): Promise<SshConnection>;
  stats(): SshPoolStats;
  /** Ends every connection; later connection() calls are refused. */
  close(): Promise<void>;
}

/**
 * One SSH connection per host for a whole run, as Kamal does: connecting costs a handshake
 * and a login (and a line in the server's auth log), so a run that sends twenty commands to a
 * host pays for it once. A connection that drops is forgotten, so the next call reconnects.
 */
export function createSshPool(options: SshPoolOptions): SshPool {
  const connections = new Map<string, Promise<SshConnection>>();
  let handshakes = 0;
  let failures = 0;
  let closed = false;

  const connect = (key: string, host: SshHostConfig): Promise<SshConnection> => {
    const pending = openSshConnection(host, { ...options, onHandshake: () => handshakes++ }).then(
      (connection) => {
        connection.onClose(() => {
          if (connections.get(key) === pending) connections.delete(key);
        });
        if (closed) connection.end();
        return connection;
      },
      (error: unknown) => {
        failures++;
        // Forget the failure so a later retry (the operator's "retry") really tries again.
        if (connections.get(key) === pending) connections.delete(key);
        throw error;
      },
    );
    connections.set(key, pending);
    return pending;
  };

  return {
    connection(host) {
      if (closed) return Promise.reject(new Error('the SSH pool is closed'));
      const key = poolKey(host);
      // Concurrent callers share the pending connect rather than racing to open their own.
      return connections.get(key) ?? connect(key, host);
    },
    stats() {
      return { handshakes, failures, open: connections.size };
    },
    async close() {
      closed = true;
      const all = [...connections.values()];
      connections.clear();
      await Promise.all(
        all.map(async (pending) => {
          const connection = await pending.catch(() => undefined);
          if (!connection || connection.closed) return;
          await new Promise<void>((resolve) => {
            connection.onClose(() => resolve());
            connection.end();
          });
        }),
      );
    },
  };
}

/** Everything that makes two configs different connections; same name elsewhere means another host. */
function poolKey(host: SshHostConfig): string {
  const { name, address, port, user, alias, identityFile, agent, hostKey, knownHosts } = host;
  return JSON.stringify([name, address, port, user, alias, identityFile, agent, hostKey, knownHosts]);
}
