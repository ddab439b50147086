import { contentSecurityPolicy } from '../../shared/security/csp';
import { originOf } from './app-origin';

/** The packaged app's policy: exactly the shared one. Electron IPC needs no connect-src. */
export function appContentSecurityPolicy(): string {
  return contentSecurityPolicy();
}

function withSources(policy: string, directive: string, sources: string[]): string {
  return policy
    .split('; ')
    .map((entry) => (entry.split(' ')[0] === directive ? [entry, ...sources].join(' ') : entry))
    .join('; ');
}

/**
 * The policy for electron-vite's dev server, relaxed by exactly what Vite needs and nothing
 * more: its hot-reload WebSocket (connect-src ws://<dev host>), and an inline script, because
 * @vitejs/plugin-react injects the React Refresh preamble inline into index.html. The packaged
 * app never gets this policy (app-origin.ts trusts the dev server only when unpackaged).
 */
export function devServerContentSecurityPolicy(devServerUrl: string): string {
  const origin = originOf(devServerUrl);
  if (!origin?.startsWith('http://')) throw new Error(`the dev server URL is not http://: ${devServerUrl}`);
  const websocket = origin.replace(/^http:/, 'ws:');
  return withSources(contentSecurityPolicy({ websocketOrigin: websocket }), 'script-src', ["'unsafe-inline'"]);
}
