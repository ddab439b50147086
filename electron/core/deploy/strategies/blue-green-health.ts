import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DockerOps } from '../../docker/docker-ops';
import type { StrategyContext } from '../deploy-strategy';
import { describeSlot, SlotError, type SlotLayout, type SlotName } from './slots';

// A new slot counts as healthy when Docker says so (its own HEALTHCHECK, if the image has one) AND
// the app answers GET <healthPath> with 200 on the slot's port, the very address the proxy will
// use. On a remote host that port is on the host's loopback, reached through the run's SSH
// connection (a direct-tcpip channel), so nothing extra (curl, wget) is needed there.

const attemptTimeoutMs = 2000;
const pollMs = 200;

/** Waits until the slot answers; returns how long that took. */
export async function waitSlotHealthy(
  ctx: StrategyContext,
  layout: SlotLayout,
  ops: DockerOps,
  slot: SlotName,
): Promise<number> {
  const started = performance.now();
  const what = `${layout.strategy} on ${layout.where}: ${describeSlot(layout, slot, ctx.version)}`;
  const details = { host: layout.dockerHost, slot, port: layout.ports[slot] };
  const budget = layout.healthTimeoutMs;
  try {
    await ops.waitHealthy(layout.container(slot), { timeoutMs: budget, signal: ctx.io.signal });
  } catch (error) {
    throw new SlotError('slot-unhealthy', `${what} did not become healthy: ${(error as Error).message}`, {
      ...details,
      cause: error,
    });
  }
  const open = await opener(ctx, layout, slot);
  let last = 'no answer yet';
  for (;;) {
    if (ctx.io.signal.aborted) throw new SlotError('cancelled', `${what}: health check cancelled`, details);
    last = await probe(open, layout.healthPath);
    if (last === '200') return Math.round(performance.now() - started);
    if (performance.now() - started > budget) {
      throw new SlotError(
        'slot-unhealthy',
        `${what} did not answer GET ${layout.healthPath} with 200 within ${Math.round(budget / 1000)} s (last: ${last})`,
        details,
      );
    }
    await sleep(pollMs, undefined, { signal: ctx.io.signal }).catch(() => undefined);
  }
}

type Opener = () => Promise<Duplex>;

async function opener(ctx: StrategyContext, layout: SlotLayout, slot: SlotName): Promise<Opener> {
  const port = layout.ports[slot];
  if (layout.dockerHost === 'local') {
    return () =>
      new Promise((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port }, () => {
          socket.off('error', reject);
          resolve(socket);
        });
        socket.once('error', reject);
      });
  }
  const conn = await ctx.connection(layout.dockerHost);
  return () =>
    new Promise((resolve, reject) =>
      conn.client.forwardOut('127.0.0.1', 0, '127.0.0.1', port, (error, channel) =>
        error ? reject(error) : resolve(channel),
      ),
    );
}

/** One GET; the status code as text, or why there was none ("connection refused", "timed out"). */
async function probe(open: Opener, path: string): Promise<string> {
  let socket: Duplex | undefined;
  try {
    socket = await open();
    const stream = socket;
    return await new Promise<string>((resolve) => {
      let head = '';
      const timer = setTimeout(() => resolve(`no answer within ${attemptTimeoutMs} ms`), attemptTimeoutMs);
      const done = (result: string) => {
        clearTimeout(timer);
        resolve(result);
      };
      stream.on('data', (chunk: Buffer) => {
        head += chunk.toString('latin1');
        const end = head.indexOf('\r\n');
        if (end < 0 && head.length < 1024) return;
        const status = /^HTTP\/\d\.\d (\d{3})/.exec(head)?.[1];
        done(status ?? `not an HTTP answer: ${JSON.stringify(head.slice(0, 40))}`);
      });
      stream.on('error', (error) => done(error.message));
      stream.on('end', () => done(head ? `cut off: ${JSON.stringify(head.slice(0, 40))}` : 'connection closed'));
      stream.write(`GET ${path} HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ECONNREFUSED' ? 'connection refused' : (error as Error).message;
  } finally {
    socket?.destroy();
  }
}
