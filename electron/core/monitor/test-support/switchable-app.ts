import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

// A real HTTP app on 127.0.0.1 whose behaviour a test switches while probes run: which version
// answers, what share of requests fail (exactly, not randomly, so tolerances stay tight), an
// outage (503 answers, or connections dropped without an answer) and slowness.

export interface AppBehaviour {
  version: string;
  /** Share 0–1 of requests answered 500. */
  failShare: number;
  /** 'status': every request answered 503; 'drop': the connection is closed without an answer. */
  outage?: 'status' | 'drop';
  delayMs: number;
}

export interface SwitchableApp {
  /** http://127.0.0.1:<port>/health — answers JSON { version } with an x-version header. */
  url: string;
  /** http://127.0.0.1:<port>/version — answers the bare version as text. */
  versionUrl: string;
  port: number;
  set(change: Partial<AppBehaviour>): void;
  stats(): { requests: number; maxConcurrent: number; connections: number };
  close(): Promise<void>;
}

export async function startSwitchableApp(initial: Partial<AppBehaviour> = {}): Promise<SwitchableApp> {
  const behaviour: AppBehaviour = { version: 'v1', failShare: 0, delayMs: 0, ...initial };
  const stats = { requests: 0, maxConcurrent: 0, connections: 0 };
  const sockets = new Set<Socket>();
  let concurrent = 0;
  // Error diffusion: over any n requests, round(n × share) ± 1 fail.
  let owed = 0;

  const answer = (res: ServerResponse, path: string): void => {
    const { version } = behaviour;
    owed += behaviour.failShare;
    const fail = owed >= 1 - 1e-9;
    if (fail) owed -= 1;
    const status = behaviour.outage === 'status' ? 503 : fail ? 500 : 200;
    const body = path === '/version' ? version : JSON.stringify({ version, status: status === 200 ? 'ok' : 'error' });
    res.writeHead(status, {
      'content-type': path === '/version' ? 'text/plain' : 'application/json',
      'x-version': version,
    });
    res.end(body);
  };

  const server: Server = createServer((req, res) => {
    stats.requests++;
    if (behaviour.outage === 'drop') {
      req.socket.destroy();
      return;
    }
    concurrent++;
    stats.maxConcurrent = Math.max(stats.maxConcurrent, concurrent);
    res.on('close', () => concurrent--);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (behaviour.delayMs > 0) setTimeout(() => answer(res, path), behaviour.delayMs);
    else answer(res, path);
  });
  server.on('connection', (socket) => {
    stats.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the test app has no port');
  const port = address.port;
  return {
    url: `http://127.0.0.1:${port}/health`,
    versionUrl: `http://127.0.0.1:${port}/version`,
    port,
    set: (change) => Object.assign(behaviour, change),
    stats: () => ({ ...stats }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
