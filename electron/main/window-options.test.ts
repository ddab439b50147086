import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from './window-options';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences({ preloadPath: '/app/out/preload/index.cjs', isPackaged: true });

  it('isolates the page from Node and from the preload', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and loads no insecure content, webviews or experimental features', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('uses the CommonJS preload bundle', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('offers DevTools only in an unpackaged app', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences({ preloadPath: 'p.cjs', isPackaged: false }).devTools).toBe(true);
  });
});

describe('mainWindowOptions', () => {
  it('starts hidden (shown at first paint) with the secure preferences', () => {
    const options = mainWindowOptions({ preloadPath: 'p.cjs', isPackaged: true });
    expect(options.show).toBe(false);
    expect(options.title).toBe('Release Pilot');
    expect(options.webPreferences).toEqual(secureWebPreferences({ preloadPath: 'p.cjs', isPackaged: true }));
    expect(options).not.toHaveProperty('icon');
    expect(mainWindowOptions({ preloadPath: 'p.cjs', isPackaged: false, iconPath: '/i.png' }).icon).toBe('/i.png');
  });
});
