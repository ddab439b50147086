import type { PageAllowList } from './app-origin';

// What the window may navigate to and open. The page is ours, but a link in a runbook, a
// changelog or a log line could point anywhere: only our own pages load inside the app, web
// links go to the person's browser, and everything else (file:, javascript:, custom schemes
// of other programs) goes nowhere.

const maxExternalUrlLength = 2048;

/**
 * The normalised URL when it is safe to hand to the OS browser, else undefined. Only http(s)
 * with a host and without embedded credentials: `shell.openExternal` would otherwise launch
 * whatever program is registered for the scheme (file:, smb:, ms-msdt: …).
 */
export function safeExternalUrl(raw: string): string | undefined {
  if (typeof raw !== 'string' || raw.length > maxExternalUrlLength) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  return url.href;
}

export type NavigationDecision =
  | { action: 'allow' }
  | { action: 'open-external'; url: string }
  | { action: 'deny'; reason: string };

/** A link the page follows (`will-navigate`): ours stays, web links go to the browser. */
export function decideNavigation(url: string, pages: PageAllowList): NavigationDecision {
  if (pages.isOwnPage(url)) return { action: 'allow' };
  const external = safeExternalUrl(url);
  if (external) return { action: 'open-external', url: external };
  return { action: 'deny', reason: 'not one of our pages nor an http(s) link' };
}

/** A server-side redirect (`will-redirect`): only to our own pages, never out to the browser. */
export function decideRedirect(url: string, pages: PageAllowList): NavigationDecision {
  if (pages.isOwnPage(url)) return { action: 'allow' };
  return { action: 'deny', reason: 'redirect away from our pages' };
}

/**
 * `window.open` / target=_blank. Release Pilot is one window: a second one would not be our
 * window for IPC (the sender check refuses it) and would only be a way around these rules. So no
 * new window ever opens in the app, and web links go to the browser.
 */
export function decideWindowOpen(url: string, pages: PageAllowList): NavigationDecision {
  if (pages.isOwnPage(url)) return { action: 'deny', reason: 'the app opens no new windows' };
  const external = safeExternalUrl(url);
  if (external) return { action: 'open-external', url: external };
  return { action: 'deny', reason: 'the app opens no new windows' };
}
