import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { createResponseParser, MalformedResponse, type ParsedResponse } from '../monitor/http-response-parser';

// One HTTP/1.1 request for `http.check`, read by the probes' parser (monitor/http-response-parser)
// rather than fetch: fetch (undici) refuses head lines that end in a bare LF, which busybox httpd
// CGI answers have and which curl reads as the 200/500 they are. Redirects are followed here, as
// fetch would, when the check asks for it.

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  followRedirects: boolean;
  /** Bytes of body to keep; more is read and dropped. */
  keepBody: number;
  signal: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const maxRedirects = 20;
const redirects = new Set([301, 302, 303, 307, 308]);

export async function rawHttpRequest(request: RawRequest): Promise<RawResponse> {
  let { method, body } = request;
  let url = new URL(request.url);
  for (let hop = 0; ; hop++) {
    const response = await once({ ...request, method, body, url });
    const location = response.headers.location;
    if (!request.followRedirects || !redirects.has(response.status) || location === undefined) return response;
    if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`);
    url = new URL(location, url);
    // As fetch does: 303, and 301/302 after a POST, become a GET without a body.
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
  }
}

function requestHead(method: string, url: URL, headers: Record<string, string>, body: string | undefined): string {
  const names = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  const lines = [`${method} ${url.pathname}${url.search} HTTP/1.1`];
  if (!names.has('host')) lines.push(`Host: ${url.host}`);
  if (!names.has('user-agent')) lines.push('User-Agent: release-pilot');
  if (!names.has('accept')) lines.push('Accept: */*');
  if (url.username && !names.has('authorization')) {
    const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    lines.push(`Authorization: Basic ${Buffer.from(user).toString('base64')}`);
  }
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  lines.push('Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function once(request: Omit<RawRequest, 'url'> & { url: URL }): Promise<RawResponse> {
  const { url, signal } = request;
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const parser = createResponseParser(request.keepBody, request.method === 'HEAD');
    const socket: Socket =
      url.protocol === 'https:'
        ? connectTls({ host, port, servername: /^[\d.:]+$/.test(host) ? undefined : host })
        : connectTcp({ host, port });
    let settled = false;
    const settle = (error: unknown, response?: ParsedResponse) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (response) resolve({ status: response.status, headers: response.headers, body: response.body });
      else reject(error);
    };
    const onAbort = () => settle(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      socket.write(requestHead(request.method, url, request.headers, request.body));
      if (request.body !== undefined) socket.write(request.body);
    });
    socket.on('data', (chunk: Buffer) => {
      try {
        const response = parser.push(chunk);
        if (response) settle(undefined, response);
      } catch (error) {
        settle(error);
      }
    });
    socket.on('end', () => {
      const response = parser.end();
      if (response) settle(undefined, response);
      else
        settle(
          Object.assign(new MalformedResponse('connection closed before a full response'), { code: 'ECONNRESET' }),
        );
    });
    socket.on('error', (error) => settle(error));
  });
}
