import { createServer } from 'node:net';

// The demo's ports are chosen once, at creation, and written into its environments.yml: the
// preferred ones when free (so the README's addresses usually hold), any free ones otherwise.

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const got = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(got));
    });
  });
}

/** Distinct free ports, one per preferred port given (0: any). */
export async function pickPorts(preferred: number[]): Promise<number[]> {
  const chosen: number[] = [];
  for (const want of preferred) {
    let port = await tryListen(want);
    while (port === undefined || chosen.includes(port)) port = await tryListen(0);
    chosen.push(port);
  }
  return chosen;
}
