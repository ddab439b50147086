import { Agent } from 'node:http';
import type { Client } from 'ssh2';
import { DialStdioSocket, dialCommand, dialError } from './dial-stdio-socket';

/**
 * sshd allows 10 session channels per connection by default (MaxSessions). A run's SSH commands
 * may use 8 of them on the same connection (ssh-connection.ts MAX_CHANNELS), so Docker keeps to
 * the other 2; beyond that, requests queue in the agent instead of failing.
 */
export const defaultMaxDockerChannels = 2;
// An idle dial-stdio channel is a process on the host: close it after a while rather than keep it forever.
const idleChannelMs = 30_000;

/**
 * An http.Agent whose every connection is a `docker system dial-stdio` channel on an SSH connection we
 * already hold. docker-modem's own ssh:// support opens a fresh SSH connection per request; channels on
 * one connection are cheap and reuse the host-key check and authentication already done.
 */
export function sshDialAgent(client: Client, hostLabel: string, maxChannels = defaultMaxDockerChannels): Agent {
  const agent = new Agent({
    // Starting `docker system dial-stdio` costs ~100 ms on the host, so idle channels are reused.
    // node:http never returns a hijacked (exec) or destroyed (aborted logs) socket to the pool.
    keepAlive: true,
    maxSockets: maxChannels,
    maxFreeSockets: maxChannels,
    timeout: idleChannelMs,
  });
  // Returns the socket synchronously (its channel attaches later) so the agent counts it at once:
  // with an asynchronous callback, a burst of requests would each open a channel past maxSockets.
  const createConnection = () => {
    const socket = new DialStdioSocket(hostLabel);
    try {
      client.exec(dialCommand, (error, channel) => {
        if (!error) return socket.attach(channel);
        const hint = ' (the host refused another session channel: sshd MaxSessions, default 10, may be reached)';
        socket.destroy(dialError(hostLabel, `cannot open a channel: ${error.message}${hint}`, error));
      });
    } catch (error) {
      // ssh2 throws synchronously when the connection is already closed; fail once node:http listens.
      const failure = dialError(hostLabel, `SSH connection not usable: ${(error as Error).message}`, error);
      process.nextTick(() => socket.destroy(failure));
    }
    return socket;
  };
  (agent as unknown as { createConnection: typeof createConnection }).createConnection = createConnection;
  return agent;
}
