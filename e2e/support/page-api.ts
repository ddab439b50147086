import type { Page } from '@playwright/test';

// One API call over a socket of the page's own, exactly as the app's client makes them: for specs
// and the screenshots script to set up state (open a project, start a run) without clicking.

export function callApi<T>(page: Page, hostUrl: string, method: string, payload: unknown): Promise<T> {
  const url = new URL(hostUrl);
  const wsUrl = `ws://${url.host}/api?token=${url.searchParams.get('token')}`;
  return page.evaluate(
    ({ wsUrl, method, payload }) =>
      new Promise<T>((resolve, reject) => {
        const ws = new WebSocket(wsUrl);
        ws.onopen = () => ws.send(JSON.stringify({ kind: 'call', id: 1, method, payload }));
        ws.onerror = () => reject(new Error(`socket to ${wsUrl} failed`));
        ws.onmessage = (event) => {
          const message = JSON.parse(String(event.data));
          if (message.kind !== 'result' || message.id !== 1) return;
          ws.close();
          if (message.envelope.ok) resolve(message.envelope.value as T);
          else reject(new Error(`${method}: ${message.envelope.error.message}`));
        };
      }),
    { wsUrl, method, payload },
  );
}
