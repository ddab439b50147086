import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mainBundlePath, repoRoot } from './built-bundle';

// Starts the built main bundle in a plain Node child process with the electron STAND-IN in place
// of 'electron' (electron-stand-in/, used only because the Electron binary cannot run here), and
// drives it: each call is a command to the stand-in, answered over the child's IPC channel.

const register = pathToFileURL(join(import.meta.dirname, 'electron-stand-in', 'register.mjs')).href;

/** What the stand-in recorded of the bundle's requests to Electron (electron-stand-in/electron.mjs). */
export interface StandInRecord {
  calls: { what: string; [key: string]: unknown }[];
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  windows: { contentsId: number; options: Record<string, unknown>; ready: boolean }[];
  handled: Record<string, number>;
  listened: string[];
  sent: { contents: number; channel: string }[];
  menu: MenuItem[] | null | undefined;
  messageBoxes: { message: string; buttons: string[]; detail?: string }[];
  errorBoxes: { title: string; content: string }[];
  openedExternally: string[];
  secondInstances: { argv: string[]; workingDirectory: string; additionalData: unknown }[];
  quit: string[];
}

export interface MenuItem {
  id?: string;
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  clickable: boolean;
  submenu?: MenuItem[];
}

export interface BootedBundle {
  child: ChildProcess;
  call<T = unknown>(op: string, args?: Record<string, unknown>): Promise<T>;
  record(): Promise<StandInRecord>;
  /** Resolves with the exit code and the stand-in's last record once the process has ended. */
  exited: Promise<{ code: number | null; record?: StandInRecord }>;
  output(): string;
}

export interface BootOptions {
  dataDir: string;
  args?: string[];
}

export async function bootMainBundle(options: BootOptions): Promise<BootedBundle> {
  const env: NodeJS.ProcessEnv = { ...process.env, RELEASE_PILOT_DATA_DIR: options.dataDir };
  // The packaged-or-dev decision must be the bundle's own: no dev server here.
  delete env.ELECTRON_RENDERER_URL;
  delete env.NODE_OPTIONS;
  const child = fork(mainBundlePath, options.args ?? [], {
    cwd: repoRoot,
    execArgv: ['--import', register],
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });

  let lastRecord: StandInRecord | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let loaded: () => void = () => {};
  const loadedPromise = new Promise<void>((resolve) => {
    loaded = resolve;
  });
  child.on('message', (raw) => {
    const message = raw as { type: string; id?: number; ok?: boolean; value?: unknown; error?: string } & {
      record?: StandInRecord;
    };
    if (message.type === 'loaded') loaded();
    if (message.type === 'exiting') lastRecord = message.record;
    if (message.type !== 'reply' || message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(new Error(`stand-in command failed: ${message.error}\n--- bundle output ---\n${output}`));
  });
  const exited = new Promise<{ code: number | null; record?: StandInRecord }>((resolve) => {
    child.once('exit', (code) => {
      for (const waiter of pending.values()) waiter.reject(new Error(`the bundle exited (${code}):\n${output}`));
      pending.clear();
      resolve({ code, record: lastRecord });
    });
  });
  await Promise.race([
    loadedPromise,
    exited.then(({ code }) => {
      throw new Error(`the bundle exited (${code}) before loading electron:\n${output}`);
    }),
  ]);

  const call = <T>(op: string, args?: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, op, args });
    });
  return { child, call, record: () => call<StandInRecord>('record'), exited, output: () => output };
}

/** Polls until `check` gives a value: a condition, never a fixed wait. */
export async function until<T>(check: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 3000; i++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}
