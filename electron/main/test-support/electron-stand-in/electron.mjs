// A STAND-IN for the `electron` module, used ONLY because the Electron binary cannot be downloaded
// or run on the machines these tests run on (e2e/electron.spec.ts runs the real app wherever the
// binary exists). The built main bundle (out/main/index.js) is started in a plain Node child
// process with this module in place of 'electron' (register.mjs); it records what the bundle asks
// of Electron and lets the test drive what Electron would do (ready, IPC calls, navigation,
// permission requests, quitting) over the child's IPC channel. Where Electron enforces a rule the
// bundle relies on, the stand-in enforces it the same way (privileged schemes only before ready, a
// second ipcMain.handle for a channel throws), so a bundle that breaks the rule fails here too.
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Everything the bundle did, in order, as plain data the parent can read. */
const record = {
  calls: [],
  privilegedSchemes: [],
  windows: [],
  handled: {},
  listened: [],
  sent: [],
  menu: undefined,
  messageBoxes: [],
  errorBoxes: [],
  openedExternally: [],
  secondInstances: [],
  quit: [],
};
const note = (what, details = {}) => record.calls.push({ what, ...details });

// ── app ─────────────────────────────────────────────────────────────────────────────────────────
let ready = false;
let resolveReady;
const readyPromise = new Promise((r) => {
  resolveReady = r;
});
const paths = { userData: join(tmpdir(), 'release-pilot-stand-in') };
let pendingHandover = Promise.resolve();

function appVersion() {
  // Electron answers with the version in the app's package.json: the bundle lives in out/main.
  try {
    return JSON.parse(readFileSync(join(dirname(process.argv[1]), '..', '..', 'package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}

// The lock is a folder holding the holder's pid: released when the process ends, and taken over
// when its holder is gone (as Electron takes over a lock whose process died).
function takeLock(dir) {
  try {
    mkdirSync(dir);
  } catch {
    const holder = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    if (isAlive(holder)) return false;
  }
  writeFileSync(join(dir, 'pid'), String(process.pid));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return true;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

class App extends EventEmitter {
  isPackaged = false;
  enableSandbox() {
    if (ready) throw new Error('app.enableSandbox() must be called before the app is ready');
    note('app.enableSandbox');
  }
  setAppUserModelId(id) {
    note('app.setAppUserModelId', { id });
  }
  getPath(name) {
    if (!(name in paths)) throw new Error(`stand-in: app.getPath('${name}') is not provided`);
    return paths[name];
  }
  setPath(name, value) {
    note('app.setPath', { name, value, ready });
    paths[name] = value;
  }
  getVersion() {
    return appVersion();
  }
  getName() {
    return 'Release Pilot';
  }
  isReady() {
    return ready;
  }
  whenReady() {
    return readyPromise;
  }
  setAboutPanelOptions(options) {
    note('app.setAboutPanelOptions', { options });
  }
  showAboutPanel() {
    note('app.showAboutPanel');
  }
  // Electron (Linux) keeps a SingletonSocket in userData: the first instance listens, a second
  // one connects, hands over its argv, working directory and additional data, and is told no.
  requestSingleInstanceLock(additionalData) {
    const dir = join(paths.userData, 'stand-in-singleton');
    const socket = join(dir, 'socket');
    mkdirSync(paths.userData, { recursive: true });
    if (!takeLock(dir)) {
      note('app.requestSingleInstanceLock', { granted: false, ready });
      pendingHandover = new Promise((done) => {
        const connection = createConnection(socket, () => {
          connection.end(JSON.stringify({ argv: process.argv, workingDirectory: process.cwd(), additionalData }));
        });
        connection.on('close', done);
        connection.on('error', done);
      });
      return false;
    }
    note('app.requestSingleInstanceLock', { granted: true, ready });
    rmSync(socket, { force: true });
    const server = createServer((connection) => {
      let text = '';
      connection.on('data', (chunk) => {
        text += chunk;
      });
      connection.on('end', () => {
        const { argv, workingDirectory, additionalData: data } = JSON.parse(text);
        record.secondInstances.push({ argv, workingDirectory, additionalData: data ?? null });
        app.emit('second-instance', { preventDefault() {} }, argv, workingDirectory, data ?? null);
      });
    });
    server.listen(socket);
    server.unref();
    return true;
  }
  quit() {
    note('app.quit');
    const event = preventable();
    this.emit('before-quit', event);
    if (event.defaultPrevented) {
      record.quit.push('before-quit prevented');
      return;
    }
    for (const window of [...allWindows]) window.destroy();
    const willQuit = preventable();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      record.quit.push('will-quit prevented');
      return;
    }
    record.quit.push('quitting');
    this.emit('quit', {}, 0);
    void pendingHandover.then(() => exit(0));
  }
  exit(code = 0) {
    note('app.exit', { code });
    void pendingHandover.then(() => exit(code));
  }
}

function exit(code) {
  // Let the parent read the last of the record before the process goes.
  if (process.send && process.connected) process.send({ type: 'exiting', code, record }, () => process.exit(code));
  else process.exit(code);
}

function preventable() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export const app = new App();

// ── protocol, session ───────────────────────────────────────────────────────────────────────────
const schemeHandlers = new Map();
const permissionHandlers = {};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    // Electron: "protocol.registerSchemesAsPrivileged should be called before app is ready".
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    record.privilegedSchemes.push(...schemes);
    note('protocol.registerSchemesAsPrivileged', { ready });
  },
  handle(scheme, handler) {
    session.defaultSession.protocol.handle(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    protocol: {
      handle(scheme, handler) {
        if (!ready) throw new Error('session is not available before the app is ready');
        if (schemeHandlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
        schemeHandlers.set(scheme, handler);
        note('session.protocol.handle', { scheme });
      },
    },
    webRequest: {
      onHeadersReceived(filter) {
        note('session.webRequest.onHeadersReceived', { filter });
      },
    },
    setPermissionRequestHandler(handler) {
      permissionHandlers.request = handler;
      note('session.setPermissionRequestHandler');
    },
    setPermissionCheckHandler(handler) {
      permissionHandlers.check = handler;
      note('session.setPermissionCheckHandler');
    },
    setDevicePermissionHandler(handler) {
      permissionHandlers.device = handler;
      note('session.setDevicePermissionHandler');
    },
  },
};

async function fetchThroughScheme(url, method = 'GET') {
  const scheme = new URL(url).protocol.slice(0, -1);
  const handler = schemeHandlers.get(scheme);
  if (!handler) return { status: -1, headers: {}, body: `no handler for ${scheme}:` };
  const response = await handler(new Request(url, { method }));
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

// ── windows and webContents ─────────────────────────────────────────────────────────────────────
let nextContentsId = 1;
const allContents = new Map();
const allWindows = new Set();

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextContentsId++;
    this.mainFrame = { url: '', processId: 100 + this.id, routingId: 1 };
    this.destroyed = false;
    this.windowOpenHandler = undefined;
    allContents.set(this.id, this);
    // Electron announces every webContents it makes, before anything loads in it.
    app.emit('web-contents-created', {}, this);
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, payload) {
    // Which channels reached which webContents (each pair once: runs send a lot of events).
    void payload;
    if (!record.sent.some((s) => s.contents === this.id && s.channel === channel))
      record.sent.push({ contents: this.id, channel });
  }
  async loadURL(url) {
    // Loading goes through the session: an app:// page comes from the registered handler.
    const answer = await fetchThroughScheme(url);
    if (answer.status !== 200) {
      this.emit('did-fail-load', {}, -6, `status ${answer.status}`, url, true);
      throw new Error(`ERR_FILE_NOT_FOUND (${answer.status}) loading '${url}'`);
    }
    this.mainFrame.url = url;
    this.emit('did-finish-load');
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    this.options = options;
    this.state = { shown: false, focused: false, minimized: false, restored: 0 };
    this.destroyed = false;
    this.webContents = new WebContents();
    allWindows.add(this);
    record.windows.push({ contentsId: this.webContents.id, options: structuredClone(options), ready });
  }
  static getAllWindows() {
    return [...allWindows];
  }
  loadURL(url) {
    note('window.loadURL', { url });
    return this.webContents.loadURL(url).then(() => {
      this.emit('ready-to-show');
    });
  }
  isDestroyed() {
    return this.destroyed;
  }
  isFocused() {
    return this.state.focused;
  }
  isMinimized() {
    return this.state.minimized;
  }
  minimize() {
    this.state.minimized = true;
    this.state.focused = false;
  }
  restore() {
    this.state.minimized = false;
    this.state.restored++;
  }
  show() {
    this.state.shown = true;
  }
  focus() {
    this.state.focused = true;
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    allWindows.delete(this);
    this.emit('closed');
  }
}

// ── ipcMain ─────────────────────────────────────────────────────────────────────────────────────
const invokeHandlers = new Map();

class IpcMain extends EventEmitter {
  handle(channel, listener) {
    // Electron: one handler per channel; a second registration throws.
    if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    invokeHandlers.set(channel, listener);
    record.handled[channel] = (record.handled[channel] ?? 0) + 1;
  }
  removeHandler(channel) {
    invokeHandlers.delete(channel);
  }
  on(channel, listener) {
    record.listened.push(channel);
    return super.on(channel, listener);
  }
}

export const ipcMain = new IpcMain();

// ── dialogs, shell, menu, safeStorage ───────────────────────────────────────────────────────────
const messageBoxAnswers = [];

export const dialog = {
  showMessageBoxSync(...args) {
    const options = args.length > 1 ? args[1] : args[0];
    record.messageBoxes.push({ message: options.message, buttons: options.buttons, detail: options.detail });
    // The test says beforehand which button the person presses; otherwise the cancel button.
    return messageBoxAnswers.length > 0 ? messageBoxAnswers.shift() : (options.cancelId ?? 0);
  },
  showErrorBox(title, content) {
    record.errorBoxes.push({ title, content });
  },
  async showOpenDialog(...args) {
    note('dialog.showOpenDialog', { title: (args.length > 1 ? args[1] : args[0]).title });
    return { canceled: true, filePaths: [] };
  },
};

export const shell = {
  async openExternal(url) {
    record.openedExternally.push(url);
  },
  async openPath(path) {
    note('shell.openPath', { path });
    return '';
  },
};

function describeMenu(items) {
  return items.map((item) => ({
    id: item.id,
    label: item.label,
    role: item.role,
    type: item.type,
    accelerator: item.accelerator,
    clickable: typeof item.click === 'function',
    submenu: Array.isArray(item.submenu) ? describeMenu(item.submenu) : undefined,
  }));
}

export const Menu = {
  buildFromTemplate(template) {
    return { template, described: describeMenu(template) };
  },
  setApplicationMenu(menu) {
    record.menu = menu?.described ?? null;
    Menu.current = menu;
  },
  current: undefined,
};

function findMenuItem(items, id) {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = Array.isArray(item.submenu) ? findMenuItem(item.submenu, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

// Desktop notifications (a run waiting for a person): recorded, never shown.
export class Notification {
  static isSupported() {
    return true;
  }
  constructor(options = {}) {
    this.options = options;
    this.handlers = {};
  }
  on(event, handler) {
    this.handlers[event] = handler;
    return this;
  }
  show() {
    note('Notification.show', { title: this.options.title, body: this.options.body });
  }
}

// No keychain in the stand-in: the bundle must fall back to environment secrets, as on a Linux
// session without a secret service.
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString() {
    throw new Error('stand-in: no keychain');
  },
  decryptString() {
    throw new Error('stand-in: no keychain');
  },
};

// Renderer-side modules do not exist in the main process.
export const contextBridge = undefined;
export const ipcRenderer = undefined;

// ── the parent's remote control ─────────────────────────────────────────────────────────────────
function contentsFor(sender) {
  const window = [...allWindows][0];
  if (sender === 'window') return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  if (sender === 'subframe') {
    const frame = { url: window.webContents.mainFrame.url, processId: 999, routingId: 7 };
    return { sender: window.webContents, senderFrame: frame };
  }
  // Another webContents (a second window Electron could make) that even shows our own page.
  const other = new WebContents();
  other.mainFrame.url = window?.webContents.mainFrame.url ?? 'app://release-pilot/index.html';
  return { sender: other, senderFrame: other.mainFrame };
}

const commands = {
  record: () => record,
  ready: () => {
    ready = true;
    note('ready');
    app.emit('ready', {}, {});
    resolveReady();
    return true;
  },
  fetch: ({ url, method }) => fetchThroughScheme(url, method),
  invoke: async ({ channel, payload, sender }) => {
    const handler = invokeHandlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(contentsFor(sender), payload);
  },
  navigate: ({ kind, url, contentsId }) => {
    const contents = allContents.get(contentsId);
    const event = { url, ...preventable() };
    contents.emit(kind, event);
    return { prevented: event.defaultPrevented };
  },
  windowOpen: ({ url, contentsId }) => allContents.get(contentsId).windowOpenHandler({ url }),
  attachWebview: ({ contentsId }) => {
    const event = preventable();
    allContents.get(contentsId).emit('will-attach-webview', event, {}, {});
    return { prevented: event.defaultPrevented };
  },
  permission: ({ permission }) =>
    new Promise((resolve) => {
      const check = permissionHandlers.check(null, permission, 'app://release-pilot');
      const device = permissionHandlers.device({ deviceType: 'usb' });
      permissionHandlers.request(null, permission, (granted) => resolve({ granted, check, device }), {});
    }),
  menuClick: ({ id }) => {
    const item = findMenuItem(Menu.current.template, id);
    item.click(item, [...allWindows][0], {});
    return true;
  },
  minimize: () => {
    [...allWindows][0].minimize();
    return true;
  },
  windowState: () => [...allWindows].map((w) => ({ ...w.state, contentsId: w.webContents.id })),
  answerMessageBox: ({ response }) => {
    messageBoxAnswers.push(response);
    return true;
  },
  quit: () => {
    app.quit();
    return true;
  },
};

if (process.send) {
  process.on('message', async (message) => {
    const { id, op, args } = message;
    try {
      const value = await commands[op](args ?? {});
      process.send({ type: 'reply', id, ok: true, value });
    } catch (error) {
      process.send({ type: 'reply', id, ok: false, error: error instanceof Error ? error.stack : String(error) });
    }
  });
  process.send({ type: 'loaded' });
}

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
};
