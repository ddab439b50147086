import { useEffect, useSyncExternalStore } from 'react';
import { defaultScreen, hrefFor, parseHash, type Route, type ScreenId } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

/** The current route, following the address bar's hash (back/forward included). */
export function useHashRoute(): Route {
  const route = parseHash(useSyncExternalStore(subscribe, readHash));
  useEffect(() => {
    // An unknown address goes to the dashboard; `replace` so Back does not return to the bad one.
    if (!route) window.location.replace(hrefFor(defaultScreen));
  }, [route]);
  return route ?? { screen: defaultScreen, params: [] };
}

export function navigate(screen: ScreenId, ...params: string[]): void {
  window.location.hash = hrefFor(screen, ...params);
}
