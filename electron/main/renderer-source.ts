import { protocol, type Session } from 'electron';
import type { Logger } from '../core/ports';
import { appScheme, originOf } from './app-origin';
import { appContentSecurityPolicy, devServerContentSecurityPolicy } from './content-security';
import { createRendererFileHandler } from './renderer-files';

/**
 * Must run before the app is ready. `standard` gives app:// real origins and relative URLs,
 * `secure` makes it a secure context like https, `supportFetchAPI` lets module scripts and
 * fetch load from it. It gets no bypass of CSP and no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export interface RendererSourceOptions {
  session: Session;
  rendererDir: string;
  /** Set only when unpackaged and electron-vite's dev server is running. */
  devServerUrl?: string;
  logger: Logger;
}

/**
 * Serves the built renderer on app:// with the CSP header, and in development puts the (slightly
 * relaxed) CSP on the dev server's responses too, so the policy is exercised while developing.
 */
export function serveRenderer(options: RendererSourceOptions): void {
  const handler = createRendererFileHandler(options.rendererDir, appContentSecurityPolicy());
  options.session.protocol.handle(appScheme, async (request) => {
    const response = await handler(request);
    if (response.status >= 400)
      options.logger.warn('app:// request failed', { url: request.url, status: response.status });
    return response;
  });

  const devOrigin = options.devServerUrl ? originOf(options.devServerUrl) : undefined;
  if (!options.devServerUrl || !devOrigin) return;
  const devPolicy = devServerContentSecurityPolicy(options.devServerUrl);
  options.session.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
    const headers = { ...details.responseHeaders, 'Content-Security-Policy': [devPolicy] };
    callback({ responseHeaders: headers });
  });
}
