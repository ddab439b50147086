import { bridgeKey } from '../../../shared/api/bridge';
import { createApiClient } from '../../../shared/api/client';
import type { SocketLike } from '../../../shared/api/socket-transport';
import { sessionStore } from '../lib/web-storage';
import { chooseTransport } from './choose-transport';
import { addressWithoutToken } from './token';

// The one API client of the renderer. Everything in features/ calls `api.*`; nothing else knows
// whether the answers come over Electron IPC or the browser host's WebSocket.

const chosen = chooseTransport({
  bridge: (window as unknown as Record<string, unknown>)[bridgeKey],
  location: window.location,
  storage: sessionStore,
  connect: (url): SocketLike => new WebSocket(url),
  timers: { set: (fn, ms) => window.setTimeout(fn, ms), clear: (handle) => window.clearTimeout(handle as number) },
});

// The token is remembered for this tab now; take it out of the address bar so it does not end
// up in history, screenshots or a pasted link. Reloads are admitted by the host's cookie.
const cleaned = addressWithoutToken(window.location.href);
if (cleaned !== undefined) window.history.replaceState(window.history.state, '', cleaned);

export const api = createApiClient(chosen.transport);
export const transportKind = chosen.kind;
/** Browser host only: the same-origin address the page probes while its socket is down. */
export const hostProbeUrl = chosen.probeUrl;
