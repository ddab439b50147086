// Electron cannot run on this machine (its binary cannot be downloaded here); this stand-in
// replaces ipcMain (a map of channel → handler with Electron's handle/removeHandler shape) and
// the IpcMainInvokeEvent / WebContents / WebFrameMain objects the sender check reads. The API
// handlers behind it are the real engine's, on a real temporary data folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventChannel, methodChannel, methodNames } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { type ApiHandlers, createEventHub } from '../../shared/api/handlers';
import { recordingLogger } from '../core/test-support/recording-logger';
import { useTempDirs } from '../core/test-support/temp-dir';
import { appEntryUrl, createPageAllowList } from './app-origin';
import { forwardEngineEvents, type IpcMainLike, registerIpcHandlers } from './ipc-registration';
import { createSenderCheck, type FrameLike, type InvokeEventLike } from './sender-check';
import { createTestEngine } from './test-support/test-engine';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

function standInIpcMain() {
  const channels = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (channels.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      channels.set(channel, listener);
    },
    removeHandler: (channel) => channels.delete(channel),
  };
  const invoke = (channel: string, event: InvokeEventLike, payload?: unknown) => {
    const listener = channels.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, payload) as Promise<Envelope<unknown>>;
  };
  return { ipcMain, channels, invoke };
}

function standInWindow(url = appEntryUrl) {
  const mainFrame: FrameLike = { url, processId: 4, routingId: 1 };
  const contents = { id: 7, mainFrame, isDestroyed: () => false };
  const fromMainFrame: InvokeEventLike = { sender: { id: 7 }, senderFrame: mainFrame };
  return { contents, mainFrame, fromMainFrame };
}

function setUp(handlers: ApiHandlers) {
  const ipc = standInIpcMain();
  const window = standInWindow();
  const { logger, lines } = recordingLogger();
  const pages = createPageAllowList({ isPackaged: true });
  const dispose = registerIpcHandlers({
    ipcMain: ipc.ipcMain,
    handlers,
    checkSender: createSenderCheck(() => window.contents, pages),
    logger,
  });
  return { ...ipc, window, lines, dispose };
}

describe('registerIpcHandlers', () => {
  const newTemp = useTempDirs('rp-ipc-');
  const engineHandlers = () => createTestEngine(newTemp()).engine.handlers;
  it('registers every contract method on its channel and nothing else', () => {
    const { channels } = setUp(engineHandlers());
    expect([...channels.keys()].sort()).toEqual(methodNames.map(methodChannel).sort());
  });

  it('answers a call from our window with the engine result', async () => {
    const { invoke, window } = setUp(engineHandlers());
    const answer = await invoke(methodChannel('app:info'), window.fromMainFrame, {});
    expect(answer).toMatchObject({ ok: true, value: { host: 'electron', productName: 'Release Pilot' } });
  });

  it('turns an invalid payload into an invalid-request envelope naming the field', async () => {
    const { invoke, window } = setUp(engineHandlers());
    const answer = await invoke(methodChannel('projects:open'), window.fromMainFrame, { path: 42 });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid-request');
    expect(answer.error.message).toContain('path');
  });

  it('refuses a sender that is not our window with forbidden, and logs it', async () => {
    const { invoke, window, lines } = setUp(engineHandlers());
    const otherWindow: InvokeEventLike = { sender: { id: 99 }, senderFrame: { ...window.mainFrame } };
    const answer = await invoke(methodChannel('settings:get'), otherWindow, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'refused an IPC call',
        fields: expect.objectContaining({ method: 'settings:get' }),
      }),
    );
  });

  it('refuses a subframe, a frame on a foreign page and a frame that navigated away', async () => {
    const { invoke, window } = setUp(engineHandlers());
    const subframe = { sender: { id: 7 }, senderFrame: { url: appEntryUrl, processId: 4, routingId: 2 } };
    const foreignPage = {
      sender: { id: 7 },
      senderFrame: { url: 'https://evil.example/', processId: 4, routingId: 1 },
    };
    const gone = { sender: { id: 7 }, senderFrame: null };
    for (const event of [subframe, foreignPage, gone]) {
      const answer = await invoke(methodChannel('runs:list'), event, {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(window.contents.id).toBe(7);
  });

  it('wraps a handler that throws in an internal-error envelope and logs the error', async () => {
    const { engine } = createTestEngine(newTemp());
    const { invoke, window, lines } = setUp({
      ...engine.handlers,
      'runs:list': async () => {
        throw new Error('disk on fire');
      },
    });
    const answer = await invoke(methodChannel('runs:list'), window.fromMainFrame, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!answer.ok) expect(answer.error.message).toContain('disk on fire');
    expect(lines.some((line) => line.level === 'error' && line.fields?.method === 'runs:list')).toBe(true);
  });

  it('passes a typed engine refusal through with its own code', async () => {
    const { invoke, window } = setUp(engineHandlers());
    const missing = join(newTemp(), 'no-such-project');
    const answer = await invoke(methodChannel('projects:open'), window.fromMainFrame, { path: missing });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('removes every handler when disposed', () => {
    const { channels, dispose } = setUp(engineHandlers());
    dispose();
    expect(channels.size).toBe(0);
  });
});

describe('forwardEngineEvents', () => {
  const newTemp = useTempDirs('rp-events-');
  it('sends each engine event on its event channel, and stops after unsubscribe', () => {
    const hub = createEventHub();
    const sent: [string, unknown][] = [];
    let destroyed = false;
    const target = {
      isDestroyed: () => destroyed,
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    };
    const stop = forwardEngineEvents(hub, () => target);
    hub.emit('projects:changed', []);
    destroyed = true;
    hub.emit('projects:changed', []);
    destroyed = false;
    stop();
    hub.emit('projects:changed', []);
    expect(sent).toEqual([[eventChannel('projects:changed'), []]]);
  });

  it('pushes a real engine event (projects:changed after projects:open) to the window', async () => {
    const dataDir = newTemp();
    const project = join(newTemp(), 'shop');
    mkdirSync(join(project, '.release-pilot'), { recursive: true });
    const { engine } = createTestEngine(dataDir);
    const sent: string[] = [];
    forwardEngineEvents(engine.events, () => ({ isDestroyed: () => false, send: (channel) => sent.push(channel) }));
    await engine.handlers['projects:open']({ path: project }, { transport: 'direct' });
    expect(sent).toContain(eventChannel('projects:changed'));
  });
});
