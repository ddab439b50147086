import { useSyncExternalStore } from 'react';

// The scheme the page is drawn in right now: Settings pins it through <html data-theme>, otherwise
// the OS decides. Canvas charts cannot follow CSS by themselves, so they redraw when this changes.

export type ColorScheme = 'light' | 'dark';

const media = () => window.matchMedia('(prefers-color-scheme: dark)');

function current(): ColorScheme {
  const pinned = document.documentElement.dataset.theme;
  if (pinned === 'light' || pinned === 'dark') return pinned;
  return media().matches ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const query = media();
  query.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    query.removeEventListener('change', onChange);
  };
}

export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(subscribe, current);
}
