import type { StorageLike } from '../lib/storage';

// The browser host admits the API only with the token it printed (`/?token=…`). The page keeps
// it in sessionStorage because the query string is gone after a reload of a screen (`/#/runs`)
// and after we take it out of the address bar.

export const tokenStorageKey = 'release-pilot.token';

export function tokenFromSearch(search: string): string | undefined {
  const token = new URLSearchParams(search).get('token');
  return token?.trim() ? token.trim() : undefined;
}

/**
 * The token for this window: a token in the URL wins (a person who opens a newer printed URL in
 * the same tab must get the new one), else the one remembered for this tab.
 */
export function resolveToken(search: string, storage: StorageLike): string | undefined {
  const fromUrl = tokenFromSearch(search);
  if (fromUrl) {
    storage.setItem(tokenStorageKey, fromUrl);
    return fromUrl;
  }
  return storage.getItem(tokenStorageKey) ?? undefined;
}

/**
 * The address without its token, or undefined when there is none to remove. The token is a
 * secret: out of the address bar it does not end up in screenshots, history or a pasted link.
 */
export function addressWithoutToken(href: string): string | undefined {
  const url = new URL(href);
  if (!url.searchParams.has('token')) return undefined;
  url.searchParams.delete('token');
  return `${url.pathname}${url.search}${url.hash}`;
}
