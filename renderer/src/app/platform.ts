import { isMacPlatform } from './shortcuts';

/** macOS uses ⌘ where the others use Ctrl; read once, it does not change while the app runs. */
export const isMac = isMacPlatform(navigator.platform || navigator.userAgent);
