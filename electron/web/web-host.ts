import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { contentSecurityPolicy } from '../../shared/security/csp';
import type { Engine } from '../core/engine';
import { createAccessPolicy, createToken } from './access-policy';
import { refusalBody } from './refusal-page';
import { createSocketApi } from './socket-api';
import { serveStatic } from './static-files';

export interface WebHostOptions {
  engine: Engine;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const apiPath = '/api';

function refuse(request: IncomingMessage, response: ServerResponse, status: 401 | 403, reason: string) {
  const { type, body } = refusalBody(status, reason, request.headers.accept?.includes('text/html') ?? false);
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string) {
  const text = status === 401 ? 'Unauthorized' : 'Forbidden';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * The browser host: the built renderer and the API over one WebSocket, on 127.0.0.1 only,
 * behind a random token. Used by `release-pilot web` and the end-to-end tests.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  if (!existsSync(`${options.rendererDir}/index.html`)) {
    throw new Error(`the UI is not built (no ${options.rendererDir}/index.html): run \`npm run build\` first`);
  }
  const token = options.token ?? createToken();
  const { engine } = options;
  const socketApi = createSocketApi(engine.handlers, engine.events, engine.logger.child({ part: 'web' }));
  let policy = createAccessPolicy(token, options.port);
  let headers: Record<string, string> = {};

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const decision = policy.checkRequest(request);
    if (!decision.allowed) {
      engine.logger.warn('request refused', { url: request.url?.split('?')[0], reason: decision.reason });
      return refuse(request, response, decision.status, decision.reason);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' });
      return response.end();
    }
    const extra: Record<string, string> = decision.setCookie ? { 'Set-Cookie': decision.setCookie } : {};
    serveStatic(options.rendererDir, request.url ?? '/', response, { ...headers, ...extra }).catch((error) => {
      engine.logger.error('serving a file failed', { url: request.url, error: String(error) });
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== apiPath) return refuseUpgrade(socket, 403, `no WebSocket at ${path}`);
    const decision = policy.checkUpgrade(request);
    if (!decision.allowed) {
      engine.logger.warn('WebSocket refused', { reason: decision.reason });
      return refuseUpgrade(socket, decision.status, decision.reason);
    }
    socketApi.handleUpgrade(request, socket, head);
  });

  const port = await listen(server, options.port);
  // With port 0 the real port is only known now; the policy and CSP name it exactly.
  policy = createAccessPolicy(token, port);
  headers = {
    'Content-Security-Policy': contentSecurityPolicy({
      websocketOrigin: `ws://127.0.0.1:${port} ws://localhost:${port}`,
    }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        socketApi.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
