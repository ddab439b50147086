// Electron cannot run on this machine (its binary cannot be downloaded here); these stand-ins
// replace the WebContents, WebFrameMain and IpcMainInvokeEvent objects, with only the fields
// the sender check reads (id, mainFrame, url, processId, routingId).
import { describe, expect, it } from 'vitest';
import { appEntryUrl, createPageAllowList } from './app-origin';
import { createSenderCheck, type FrameLike } from './sender-check';

const devUrl = 'http://localhost:5173/';

function window(url: string, destroyed = false) {
  const mainFrame: FrameLike = { url, processId: 3, routingId: 1 };
  return { id: 5, mainFrame, isDestroyed: () => destroyed };
}

describe('createSenderCheck', () => {
  it('trusts the main frame of our window showing our page', () => {
    const contents = window(appEntryUrl);
    const check = createSenderCheck(() => contents, createPageAllowList({ isPackaged: true }));
    expect(check({ sender: { id: 5 }, senderFrame: contents.mainFrame })).toEqual({ trusted: true });
  });

  it('trusts a second wrapper object for the same main frame (same process and routing id)', () => {
    const contents = window(appEntryUrl);
    const check = createSenderCheck(() => contents, createPageAllowList({ isPackaged: true }));
    expect(check({ sender: { id: 5 }, senderFrame: { ...contents.mainFrame } }).trusted).toBe(true);
  });

  it('trusts the dev server page only in an unpackaged app', () => {
    const contents = window(devUrl);
    const event = { sender: { id: 5 }, senderFrame: contents.mainFrame };
    const dev = createSenderCheck(() => contents, createPageAllowList({ isPackaged: false, devServerUrl: devUrl }));
    const packaged = createSenderCheck(() => contents, createPageAllowList({ isPackaged: true, devServerUrl: devUrl }));
    expect(dev(event).trusted).toBe(true);
    expect(packaged(event)).toMatchObject({ trusted: false, reason: 'the frame is not showing our page' });
  });

  it('refuses when the window is closed or gone', () => {
    const pages = createPageAllowList({ isPackaged: true });
    const closed = window(appEntryUrl, true);
    const event = { sender: { id: 5 }, senderFrame: closed.mainFrame };
    expect(createSenderCheck(() => closed, pages)(event).trusted).toBe(false);
    expect(createSenderCheck(() => undefined, pages)(event).trusted).toBe(false);
  });

  it('refuses another webContents, a subframe, a navigated-away frame and a foreign page', () => {
    const contents = window(appEntryUrl);
    const check = createSenderCheck(() => contents, createPageAllowList({ isPackaged: true }));
    const cases = [
      { sender: { id: 6 }, senderFrame: contents.mainFrame },
      { sender: { id: 5 }, senderFrame: { url: appEntryUrl, processId: 3, routingId: 9 } },
      { sender: { id: 5 }, senderFrame: null },
      { sender: { id: 5 }, senderFrame: { url: 'file:///tmp/evil.html', processId: 3, routingId: 1 } },
    ];
    expect(cases.map((event) => check(event).trusted)).toEqual([false, false, false, false]);
  });
});
