import { navOrder, type ScreenId } from './routes';

// Ctrl+1…9 (⌘1…9 on macOS) switch screens, in the sidebar's order, as in VS Code and GitHub Desktop.

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** The screen a key press asks for, or undefined when it is not one of our shortcuts. */
export function screenForShortcut(event: KeyLike, mac: boolean): ScreenId | undefined {
  const modifier = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!modifier || event.altKey || event.shiftKey) return undefined;
  if (!/^[1-9]$/.test(event.key)) return undefined;
  return navOrder[Number(event.key) - 1];
}

/** What the tooltip shows: `Ctrl+2` or `⌘2`. */
export function shortcutLabel(screen: ScreenId, mac: boolean): string {
  const n = navOrder.indexOf(screen) + 1;
  return mac ? `⌘${n}` : `Ctrl+${n}`;
}

/** The `aria-keyshortcuts` value, which names keys the same way on every platform. */
export function ariaShortcut(screen: ScreenId, mac: boolean): string {
  return `${mac ? 'Meta' : 'Control'}+${navOrder.indexOf(screen) + 1}`;
}
