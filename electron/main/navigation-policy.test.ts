import { describe, expect, it } from 'vitest';
import { appEntryUrl, createPageAllowList, originOf, rendererEntryUrl } from './app-origin';
import { decideNavigation, decideRedirect, decideWindowOpen, safeExternalUrl } from './navigation-policy';

const packaged = createPageAllowList({ isPackaged: true, devServerUrl: 'http://localhost:5173/' });
const dev = createPageAllowList({ isPackaged: false, devServerUrl: 'http://localhost:5173/' });

describe('page allow-list', () => {
  it('knows our scheme, and the dev server only when unpackaged', () => {
    expect(packaged.origins).toEqual(['app://release-pilot']);
    expect(dev.origins).toEqual(['app://release-pilot', 'http://localhost:5173']);
    expect(packaged.isOwnPage('app://release-pilot/index.html#/runs')).toBe(true);
    expect(packaged.isOwnPage('http://localhost:5173/')).toBe(false);
    expect(dev.isOwnPage('http://localhost:5173/src/main.tsx')).toBe(true);
  });

  it('does not mistake look-alike origins for ours', () => {
    for (const url of [
      'app://release-pilot.evil.example/',
      'app://evil/',
      'apps://release-pilot/',
      'file:///release-pilot/index.html',
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://localhost:5173@evil.example/',
      'not a url',
      '',
    ]) {
      expect(dev.isOwnPage(url), url).toBe(false);
    }
  });

  it('ignores a dev server URL that is not http', () => {
    expect(createPageAllowList({ isPackaged: false, devServerUrl: 'file:///tmp/x' }).origins).toEqual([
      'app://release-pilot',
    ]);
  });

  it('loads the dev server in development and app:// otherwise', () => {
    expect(rendererEntryUrl({ isPackaged: false, devServerUrl: 'http://localhost:5173/' })).toBe(
      'http://localhost:5173/',
    );
    expect(rendererEntryUrl({ isPackaged: true, devServerUrl: 'http://localhost:5173/' })).toBe(appEntryUrl);
    expect(rendererEntryUrl({ isPackaged: false })).toBe(appEntryUrl);
  });

  it('computes origins of custom schemes, which WHATWG URL reports as "null"', () => {
    expect(new URL('app://release-pilot/x').origin).toBe('null');
    expect(originOf('app://release-pilot/x')).toBe('app://release-pilot');
    expect(originOf('mailto:someone@example.com')).toBeUndefined();
  });
});

describe('safeExternalUrl', () => {
  it('accepts http and https links, normalised', () => {
    expect(safeExternalUrl('https://docs.docker.com/engine/')).toBe('https://docs.docker.com/engine/');
    expect(safeExternalUrl('HTTP://Example.COM')).toBe('http://example.com/');
  });

  it('refuses every other scheme, credentials, garbage and huge URLs', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/etc/passwd',
      'mailto:a@example.com',
      'https://user:secret@example.com/',
      'https://token@example.com/',
      'not a url',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(safeExternalUrl(url), url).toBeUndefined();
    }
  });
});

describe('navigation decisions', () => {
  it('keeps our pages, sends web links to the browser, drops the rest', () => {
    expect(decideNavigation('app://release-pilot/index.html', packaged)).toEqual({ action: 'allow' });
    expect(decideNavigation('https://example.com/changelog', packaged)).toEqual({
      action: 'open-external',
      url: 'https://example.com/changelog',
    });
    expect(decideNavigation('file:///etc/passwd', packaged).action).toBe('deny');
  });

  it('allows a redirect only to our own pages, never out to the browser', () => {
    expect(decideRedirect('app://release-pilot/index.html', packaged)).toEqual({ action: 'allow' });
    expect(decideRedirect('https://example.com/', packaged).action).toBe('deny');
  });

  it('never opens a window in the app: web links go to the browser, our own pages are refused', () => {
    expect(decideWindowOpen('https://example.com/', packaged)).toEqual({
      action: 'open-external',
      url: 'https://example.com/',
    });
    expect(decideWindowOpen('app://release-pilot/index.html', packaged).action).toBe('deny');
    expect(decideWindowOpen('http://localhost:5173/', dev).action).toBe('deny');
    expect(decideWindowOpen('about:blank', packaged).action).toBe('deny');
  });
});
