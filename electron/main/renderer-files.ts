import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { contentTypeOf } from '../../shared/http/content-types';
import { appHost } from './app-origin';

function textResponse(status: number, text: string, headers: Record<string, string>): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * The app:// protocol's handler, as a plain Request → Response function (Electron's
 * protocol.handle takes exactly that), so it is tested with real files and real fetch objects.
 * It serves the built renderer folder only: a path that normalises outside it is a 404, never a
 * read elsewhere on disk. Unknown extension-less paths get index.html so a reload on any screen
 * works. Every answer carries the CSP header.
 */
export function createRendererFileHandler(rendererDir: string, csp: string): (request: Request) => Promise<Response> {
  const root = normalize(rendererDir);
  const baseHeaders = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };

  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'bad request', baseHeaders);
    }
    if (url.host !== appHost) return textResponse(404, `not found: ${url.host}`, baseHeaders);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'method not allowed', { ...baseHeaders, Allow: 'GET, HEAD' });
    }
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return textResponse(400, 'bad path', baseHeaders);
    }
    const candidate = normalize(join(root, relative));
    const inside = candidate === root || candidate.startsWith(root + sep);
    if (!inside) return textResponse(404, `not found: ${relative}`, baseHeaders);

    let file = candidate;
    let info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      if (extname(relative)) return textResponse(404, `not found: ${relative}`, baseHeaders);
      file = join(root, 'index.html');
      info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return textResponse(404, 'the UI is not built: run `npm run build`', baseHeaders);
    }
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        ...baseHeaders,
        'Content-Type': contentTypeOf(extname(file)),
        'Content-Length': String(info.size),
        'Cache-Control': relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
      },
    });
  };
}
