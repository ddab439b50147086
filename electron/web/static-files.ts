import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contentTypeOf } from '../../shared/http/content-types';

/**
 * Serves one file of the built renderer. Paths are normalised and must stay inside `root`;
 * anything else is a 404, never a read outside the folder. Unknown paths get index.html so a
 * reload on any screen works.
 */
export async function serveStatic(
  root: string,
  urlPath: string,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    relative = '/';
  }
  const candidate = normalize(join(root, relative));
  const inside = candidate === root || candidate.startsWith(root + sep);
  let file = candidate;
  let info = inside ? await stat(file).catch(() => undefined) : undefined;
  if (!info?.isFile()) {
    if (!inside || extname(relative)) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`not found: ${relative}\n`);
      return;
    }
    file = join(root, 'index.html');
    info = await stat(file);
  }
  const hashedAsset = relative.startsWith('/assets/');
  response.writeHead(200, {
    ...headers,
    'Content-Type': contentTypeOf(extname(file)),
    'Content-Length': String(info.size),
    'Cache-Control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-store',
  });
  createReadStream(file).pipe(response);
}
