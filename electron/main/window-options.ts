import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WindowOptionsInput {
  /** out/preload/index.cjs: CommonJS, because a sandboxed preload cannot be an ES module. */
  preloadPath: string;
  isPackaged: boolean;
  /** A window icon where the platform takes one from the window (Linux in development). */
  iconPath?: string;
}

/**
 * The renderer's security settings, in one place so a test can pin every one of them. The page
 * gets no Node, runs in Chromium's sandbox, and sees the preload's API only through
 * contextBridge copies, never the preload's own objects.
 */
export function secureWebPreferences(input: Pick<WindowOptionsInput, 'preloadPath' | 'isPackaged'>): WebPreferences {
  return {
    preload: input.preloadPath,
    // The page and the preload live in separate JavaScript worlds: the page cannot reach into
    // the preload's scope or tamper with the prototypes it uses.
    contextIsolation: true,
    // The renderer process is OS-sandboxed, and the preload gets only a small polyfilled require.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Same-origin policy and CORS stay on; no http content inside an app page.
    webSecurity: true,
    allowRunningInsecureContent: false,
    // No <webview> (a page inside the page with its own, weaker preferences).
    webviewTag: false,
    // No experimental Chromium features or Blink flags switched on.
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    // A file dropped on the window must not replace the app with that file.
    navigateOnDragDrop: false,
    // A page stuck in alert() loops can be stopped by the person.
    safeDialogs: true,
    // DevTools can run the page's code with its privileges: not in a packaged app.
    devTools: !input.isPackaged,
    spellcheck: false,
  };
}

/** The main window: hidden until the first paint so it never flashes white or half-drawn. */
export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Release Pilot',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    autoHideMenuBar: false,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: secureWebPreferences(input),
  };
}
