// Electron cannot run on this machine (its binary cannot be downloaded here); this stand-in
// replaces a WebContents: an EventEmitter for will-navigate / will-redirect / will-attach-webview
// plus a slot for the window-open handler, and a recorder in place of shell.openExternal.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../core/test-support/recording-logger';
import { createPageAllowList } from './app-origin';
import { type GuardedWebContents, guardWebContents } from './web-contents-guards';

function standInWebContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents: GuardedWebContents = {
    on: (event: string, listener: (details: never) => void) =>
      emitter.on(event, listener as (...args: unknown[]) => void),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const fire = (event: string, url?: string) => {
    const details = { url, prevented: false, preventDefault: () => (details.prevented = true) };
    emitter.emit(event, details);
    return details.prevented;
  };
  const open = (url: string) => openHandler?.({ url });
  return { contents, fire, open };
}

function setUp() {
  const web = standInWebContents();
  const opened: string[] = [];
  const { logger, lines } = recordingLogger();
  guardWebContents(web.contents, {
    pages: createPageAllowList({ isPackaged: true }),
    openExternal: async (url) => {
      opened.push(url);
    },
    logger,
  });
  return { ...web, opened, lines };
}

describe('guardWebContents', () => {
  it('lets the window navigate among our own pages', () => {
    const { fire, opened } = setUp();
    expect(fire('will-navigate', 'app://release-pilot/index.html')).toBe(false);
    expect(fire('will-redirect', 'app://release-pilot/index.html')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('cancels navigation to a web page and opens it in the browser instead', () => {
    const { fire, opened } = setUp();
    expect(fire('will-navigate', 'https://example.com/release-notes')).toBe(true);
    expect(opened).toEqual(['https://example.com/release-notes']);
  });

  it('cancels navigation to file:, javascript: and other schemes without opening anything', () => {
    const { fire, opened, lines } = setUp();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      expect(fire('will-navigate', url), url).toBe(true);
    }
    expect(opened).toEqual([]);
    expect(lines.filter((line) => line.message === 'blocked a navigation')).toHaveLength(3);
  });

  it('cancels a redirect away from our pages and does not open it', () => {
    const { fire, opened } = setUp();
    expect(fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('denies every window.open, sending only valid web links to the browser', () => {
    const { open, opened } = setUp();
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://release-pilot/index.html')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('https://user:pw@example.com/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
  });

  it('refuses to attach a <webview>', () => {
    const { fire } = setUp();
    expect(fire('will-attach-webview')).toBe(true);
  });
});
