import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

// Keep-alive connections to the probed server. Each connection has fixed listeners that forward
// to whichever probe holds it, so a probe costs no listener churn; idle connections the server
// closes (its keep-alive timeout) simply drop out of the pool.

/** The probe currently using a connection. */
export interface ConnectionUser {
  data(chunk: Buffer): void;
  /** The connection closed; `error` when it failed. */
  closed(error: Error | undefined): void;
}

export interface ProbeConnection {
  readonly socket: Socket;
  /** It carried an earlier request: a reset before any answer may be the keep-alive race. */
  readonly reused: boolean;
  user: ConnectionUser | undefined;
}

export interface ProbeConnections {
  /** An idle connection (newest first), or a new one. */
  take(): ProbeConnection;
  /** A fresh connection, never a reused one (for the keep-alive race retry). */
  fresh(): ProbeConnection;
  /** Back to the pool after a complete keep-alive answer. */
  give(connection: ProbeConnection): void;
  closeAll(): void;
  /** Connections opened so far (a handful for a whole run when keep-alive works). */
  opened(): number;
}

interface Connection extends ProbeConnection {
  reused: boolean;
  error?: Error;
}

export function createProbeConnections(url: URL): ProbeConnections {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const idle: Connection[] = [];
  const all = new Set<Connection>();
  let opened = 0;

  const open = (): Connection => {
    const socket =
      url.protocol === 'https:'
        ? // SNI takes names only (RFC 6066); an IP address is checked against the certificate all the same.
          tlsConnect({ host, port, ALPNProtocols: ['http/1.1'], ...(isIP(host) === 0 && { servername: host }) })
        : netConnect({ host, port });
    socket.setNoDelay(true);
    opened++;
    const connection: Connection = { socket, reused: false, user: undefined };
    all.add(connection);
    socket.on('data', (chunk: Buffer) => connection.user?.data(chunk));
    socket.on('error', (error) => {
      connection.error ??= error;
    });
    socket.on('close', () => {
      all.delete(connection);
      const at = idle.indexOf(connection);
      if (at >= 0) idle.splice(at, 1);
      const user = connection.user;
      connection.user = undefined;
      user?.closed(connection.error);
    });
    return connection;
  };

  return {
    take() {
      const connection = idle.pop();
      if (!connection) return open();
      connection.reused = true;
      return connection;
    },
    fresh: open,
    give(connection) {
      connection.user = undefined;
      if (!connection.socket.destroyed) idle.push(connection as Connection);
    },
    opened: () => opened,
    closeAll() {
      idle.length = 0;
      for (const connection of all) connection.socket.destroy();
    },
  };
}
