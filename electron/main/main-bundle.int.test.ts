import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventChannel, type MethodName, methodChannel, methodNames } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { makeLabProject } from '../core/test-lab/lab-project';
import { type BootedBundle, bootMainBundle, type StandInRecord, until } from './test-support/booted-bundle';
import { ensureBuilt, outDir } from './test-support/built-bundle';

// Issue #17: the BUILT main bundle (package.json "main", out/main/index.js) booted in Node against
// a STAND-IN for the `electron` module (test-support/electron-stand-in/). The stand-in is used only
// because the Electron binary cannot be downloaded or run on the machines these tests run on;
// e2e/electron.spec.ts runs the real app wherever the binary exists. Everything else is real: the
// bundle as `npm run build` makes it, loaded by Node's own module loader with its real
// node_modules, the real engine, real files, a real git project and journal. Each check reads what
// the bundle itself asked of Electron, or what it answered when the stand-in played Electron's part.

type Fetched = { status: number; headers: Record<string, string>; body: string };

describe('the built main bundle, booted against a stand-in electron module', () => {
  let bundle: BootedBundle;
  let beforeReady: StandInRecord;
  let booted: StandInRecord;
  let windowContents: number;
  let dataDir: string | undefined;
  const projects: string[] = [];
  const invoke = <T>(method: MethodName, payload: unknown) =>
    bundle.call<Envelope<T>>('invoke', { channel: methodChannel(method), payload, sender: 'window' });

  function labProject(): string {
    const root = mkdtempSync(join(tmpdir(), 'rp-main-bundle-project-'));
    projects.push(root);
    makeLabProject(root, {
      runbook: 'title: Hand-over\nroles: { devops: DevOps }\nsteps:\n  - { id: one, title: One, owner: devops }\n',
      environments: 'environments:\n  staging: {}\n',
    });
    return root;
  }

  // One app for the checks that only look (its data folder lives as long as it does); the quit
  // test (main-bundle-quit.int.test.ts) boots its own.
  beforeAll(async () => {
    // `npm test` runs this before its build stage, and a clean clone has no out/: build if needed.
    await ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'rp-main-bundle-'));
    bundle = await bootMainBundle({ dataDir });
    beforeReady = await bundle.record();
    await bundle.call('ready');
    await until(async () => {
      const windows = await bundle.call<{ shown: boolean; contentsId: number }[]>('windowState');
      return windows[0]?.shown ? windows : undefined;
    }, 'the window to be shown at its first paint');
    booted = await bundle.record();
    windowContents = booted.windows[0]?.contentsId ?? -1;
  }, 300_000);

  afterAll(async () => {
    if (bundle && bundle.child.exitCode === null) {
      bundle.child.kill('SIGKILL');
      await bundle.exited;
    }
    for (const dir of [dataDir, ...projects]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('asks for the single-instance lock before ready; a second instance hands over its arguments and ends', async () => {
    expect(beforeReady.calls.find((c) => c.what === 'app.requestSingleInstanceLock')).toEqual({
      what: 'app.requestSingleInstanceLock',
      granted: true,
      ready: false,
    });
    await bundle.call('minimize');

    // A second launch, same user data, naming a project folder: it is refused the lock, hands
    // over its arguments, and quits at once.
    expect(booted.calls.find((c) => c.what === 'app.setPath')).toMatchObject({ name: 'userData', value: dataDir });
    const project = labProject();
    const second = await bootMainBundle({ dataDir: dataDir as string, args: ['--some-switch=1', project] });
    const { code, record } = await second.exited;
    expect(code, second.output()).toBe(0);
    expect(record?.calls.find((c) => c.what === 'app.requestSingleInstanceLock')).toMatchObject({ granted: false });
    // It started nothing: no window, no engine, no protocol, no IPC.
    expect(record?.windows).toEqual([]);
    expect(Object.keys(record?.handled ?? {})).toEqual([]);
    expect(record?.quit).toEqual(['quitting']);

    const handedOver = await until(async () => (await bundle.record()).secondInstances[0], 'the hand-over');
    expect(handedOver.argv.slice(-2)).toEqual(['--some-switch=1', project]);
    // The first instance brings its (minimised) window forward instead of opening another…
    const [window] =
      await bundle.call<{ minimized: boolean; shown: boolean; focused: boolean; restored: number }[]>('windowState');
    expect(window).toMatchObject({ minimized: false, shown: true, focused: true, restored: 1 });
    expect((await bundle.record()).windows).toHaveLength(1);
    // …and opens the folder the second launch named, telling its window so.
    const opened = await until(async () => {
      const projects = await invoke<{ path: string }[]>('projects:list', {});
      return projects.ok ? projects.value.find((p) => p.path === project) : undefined;
    }, 'the handed-over project to be open');
    expect(opened).toMatchObject({ name: expect.any(String), problems: [] });
    const told = await until(async () => {
      const sent = (await bundle.record()).sent;
      return sent.find((s) => s.channel === eventChannel('projects:changed'));
    }, 'the window to be told of the new project');
    expect(told.contents).toBe(windowContents);
  }, 120_000);

  it('a second launch naming a folder that is no project: the error names the folder', async () => {
    const missing = join(tmpdir(), 'rp-no-such-project-folder');
    const second = await bootMainBundle({ dataDir: dataDir as string, args: [missing] });
    expect((await second.exited).code).toBe(0);
    const shown = await until(async () => (await bundle.record()).errorBoxes[0], 'the error box');
    expect(shown.title).toBe('Could not open the project');
    expect(shown.content).toContain(missing);
  }, 120_000);

  it('registers app:// as privileged before ready and serves the renderer from it with the CSP', async () => {
    expect(beforeReady.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(beforeReady.calls.find((c) => c.what === 'protocol.registerSchemesAsPrivileged')?.ready).toBe(false);
    expect(beforeReady.calls.map((c) => c.what)).toContain('app.enableSandbox');

    const page = await bundle.call<Fetched>('fetch', { url: 'app://release-pilot/index.html' });
    expect(page.status).toBe(200);
    expect(page.body).toBe(readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8'));
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy());
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    // The page's own script comes from the same place, with the same policy.
    const script = /src="\.?(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script, 'index.html names its script').toBeDefined();
    const asset = await bundle.call<Fetched>('fetch', { url: `app://release-pilot${script}` });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-security-policy']).toBe(contentSecurityPolicy());
    // The window loaded exactly that page, through the handler.
    expect(booted.calls.filter((c) => c.what === 'window.loadURL')).toEqual([
      { what: 'window.loadURL', url: 'app://release-pilot/index.html' },
    ]);
  });

  it('refuses app:// paths outside the renderer folder and other hosts', async () => {
    for (const url of [
      'app://release-pilot/..%2fmain%2findex.js',
      'app://release-pilot/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://release-pilot/..%2fpreload%2findex.cjs',
      'app://elsewhere/index.html',
    ]) {
      const answer = await bundle.call<Fetched>('fetch', { url });
      expect(answer.status, url).toBe(404);
      expect(answer.body, url).toMatch(/^not found/);
      expect(answer.headers['content-security-policy'], url).toBe(contentSecurityPolicy());
    }
    const post = await bundle.call<Fetched>('fetch', { url: 'app://release-pilot/index.html', method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('creates one hardened window whose preload exists in out/preload/', () => {
    expect(booted.windows).toHaveLength(1);
    const [window] = booted.windows;
    expect(window?.ready).toBe(true);
    expect(window?.options.show).toBe(false);
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    const preload = prefs.preload as string;
    expect(relative(join(outDir, 'preload'), preload)).toBe('index.cjs');
    expect(existsSync(preload), preload).toBe(true);
  });

  it('registers every contract method on ipcMain exactly once, and no other handler', () => {
    const expected = Object.fromEntries(methodNames.map((name) => [methodChannel(name), 1]));
    expect(booted.handled).toEqual(expected);
    // ipcMain.on listeners: only electron-store's own data channel, which it installs in any
    // main process; the sandboxed page has no raw ipcRenderer to reach it (see the preload test).
    expect(booted.listened).toEqual(['electron-store-get-data']);
  });

  it('answers our window and refuses a call from any other sender', async () => {
    const ours = await bundle.call<Envelope<{ host: string }>>('invoke', {
      channel: methodChannel('app:info'),
      payload: {},
      sender: 'window',
    });
    expect(ours.ok && ours.value.host).toBe('electron');
    for (const sender of ['other', 'subframe']) {
      const refused = await bundle.call<Envelope<unknown>>('invoke', {
        channel: methodChannel('app:info'),
        payload: {},
        sender,
      });
      expect(refused.ok, sender).toBe(false);
      if (!refused.ok) expect(refused.error.code, sender).toBe('forbidden');
    }
    // A bad payload from our own window is answered with a validation error, never a crash.
    const bad = await bundle.call<Envelope<unknown>>('invoke', {
      channel: methodChannel('projects:open'),
      payload: { path: 42 },
      sender: 'window',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid-request');
  });

  it('denies navigation away, window.open and <webview>; web links go to the browser only', async () => {
    const navigate = (kind: string, url: string) =>
      bundle.call<{ prevented: boolean }>('navigate', { kind, url, contentsId: windowContents });
    expect(await navigate('will-navigate', 'app://release-pilot/index.html#/runs')).toEqual({ prevented: false });
    expect(await navigate('will-navigate', 'https://example.com/runbook-help')).toEqual({ prevented: true });
    expect(await navigate('will-navigate', 'file:///etc/passwd')).toEqual({ prevented: true });
    expect(await navigate('will-redirect', 'https://example.com/elsewhere')).toEqual({ prevented: true });
    expect(await bundle.call('windowOpen', { url: 'https://example.com/docs', contentsId: windowContents })).toEqual({
      action: 'deny',
    });
    expect(
      await bundle.call('windowOpen', { url: 'app://release-pilot/index.html', contentsId: windowContents }),
    ).toEqual({ action: 'deny' });
    expect(await bundle.call('attachWebview', { contentsId: windowContents })).toEqual({ prevented: true });
    // Only the http(s) links the person followed reached the browser; file: and the redirect did not.
    const opened = (await bundle.record()).openedExternally;
    expect(opened).toEqual(['https://example.com/runbook-help', 'https://example.com/docs']);
  });

  it('denies every permission request and check', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid']) {
      expect(await bundle.call('permission', { permission }), permission).toEqual({
        granted: false,
        check: false,
        device: false,
      });
    }
  });

  it('builds the application menu, and its Open Project… item opens a folder dialog', async () => {
    const menu = booted.menu ?? [];
    const file = menu.find((item) => item.label === '&File');
    expect(file?.submenu?.find((item) => item.id === 'open-project')).toMatchObject({
      label: 'Open Project…',
      accelerator: 'CmdOrCtrl+O',
      clickable: true,
    });
    expect(file?.submenu?.some((item) => item.role === 'quit' || item.role === 'close')).toBe(true);
    await bundle.call('menuClick', { id: 'open-project' });
    const dialogs = await until(async () => {
      const shown = (await bundle.record()).calls.filter((c) => c.what === 'dialog.showOpenDialog');
      return shown.length > 0 ? shown : undefined;
    }, 'the folder dialog');
    expect(dialogs).toEqual([{ what: 'dialog.showOpenDialog', title: 'Open Project' }]);
  });

  // Last, since it ends the app the checks above share.
  it('quits at once, asking nothing, when no run is in progress', async () => {
    await bundle.call('quit');
    const { code, record } = await bundle.exited;
    expect(code, bundle.output()).toBe(0);
    expect(record?.messageBoxes).toEqual([]);
    // Held once while the engine closes (quit-guard.ts), then gone.
    expect(record?.quit).toEqual(['before-quit prevented', 'quitting']);
  });
});
