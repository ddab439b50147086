import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { flagPercentage, parseFlagDocument } from '../../deploy/flags/flagd-document';

// A real HTTP app behind a feature flag, as a team ships one: the code on the host (a file the
// runbook's own action writes, as a deploy script would) and a flagd file it reads on every request.
// Code marked 'flagged' fails behind the flag: with it on for n % of users, n % of /checkout answers
// are 500s (error diffusion, not chance); code marked 'always' fails whatever the flag says (a bug
// outside the flag). It sends no version of any kind: only the flag can show a revert.

export interface FlagApp {
  /** http://127.0.0.1:<port>/checkout */
  url: string;
  /** http://127.0.0.1:<port>/health (always 200) */
  healthUrl: string;
  close(): Promise<void>;
}

export async function startFlagApp(options: {
  flagFile: string;
  codeFile: string;
  flag: string;
  /** How each bad version's code fails; other versions never do. */
  failing: Record<string, 'flagged' | 'always'>;
}): Promise<FlagApp> {
  const sockets = new Set<Socket>();
  let owed = 0;
  const share = async (): Promise<number> => {
    try {
      const text = await readFile(options.flagFile, 'utf8');
      return (flagPercentage(parseFlagDocument(text, options.flagFile), options.flag) ?? 0) / 100;
    } catch {
      return 0;
    }
  };
  const code = async (): Promise<string> => (await readFile(options.codeFile, 'utf8').catch(() => '')).trim();

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    void (async () => {
      let status = 200;
      const failing = path === '/checkout' ? options.failing[await code()] : undefined;
      if (failing) {
        owed += failing === 'always' ? 1 : await share();
        if (owed >= 1 - 1e-9) {
          owed -= 1;
          status = 500;
        }
      }
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? 'ok\n' : 'checkout failed\n');
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the flag app has no port');
  const base = `http://127.0.0.1:${address.port}`;
  return {
    url: `${base}/checkout`,
    healthUrl: `${base}/health`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
