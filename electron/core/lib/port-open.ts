import { connect } from 'node:net';

// Whether something accepts connections on a loopback port: how a started server (nginx, a
// container's published port) is known to be up, since a process that forked may say nothing.

export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Resolves once `port` accepts a connection. `check` runs between attempts and may throw (a child
 * that exited); after `timeoutMs`, `timedOut()` gives the error to throw.
 */
export async function waitPortOpen(
  port: number,
  options: { timeoutMs?: number; intervalMs?: number; check?: () => void; timedOut: () => Error },
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    options.check?.();
    if (await portOpen(port)) return;
    if (Date.now() > deadline) throw options.timedOut();
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
