import type { Logger } from '../core/ports';
import type { PageAllowList } from './app-origin';
import { decideNavigation, decideRedirect, decideWindowOpen, type NavigationDecision } from './navigation-policy';

/** The members of Electron's WebContents that the guards use (so tests can pass a stand-in). */
export interface GuardedWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
}

/** Electron passes `details` with the target URL first; preventDefault cancels the navigation. */
export interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

export interface GuardOptions {
  pages: PageAllowList;
  /** shell.openExternal; only ever called with a URL that passed safeExternalUrl. */
  openExternal(url: string): Promise<void>;
  logger: Logger;
}

/**
 * Applies the navigation rules to one webContents. Called from `web-contents-created`, so every
 * webContents the app ever makes is covered, not only the main window's.
 */
export function guardWebContents(contents: GuardedWebContents, options: GuardOptions): void {
  const { pages, logger } = options;

  const apply = (kind: string, decision: NavigationDecision, url: string, cancel: () => void): void => {
    if (decision.action === 'allow') return;
    cancel();
    if (decision.action === 'open-external') {
      logger.info('opened a link in the browser', { kind, url: decision.url });
      options.openExternal(decision.url).catch((error: unknown) => {
        logger.warn('could not open a link in the browser', { url: decision.url, error: String(error) });
      });
      return;
    }
    logger.warn('blocked a navigation', { kind, url, reason: decision.reason });
  };

  contents.on('will-navigate', (event) => {
    apply('navigate', decideNavigation(event.url, pages), event.url, () => event.preventDefault());
  });
  contents.on('will-redirect', (event) => {
    apply('redirect', decideRedirect(event.url, pages), event.url, () => event.preventDefault());
  });
  contents.setWindowOpenHandler(({ url }) => {
    apply('window-open', decideWindowOpen(url, pages), url, () => {});
    return { action: 'deny' };
  });
  // webviewTag is off in our webPreferences; this refuses a <webview> even if that ever changed.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a <webview>');
  });
}
