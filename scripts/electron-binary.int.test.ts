import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { locateElectronBinary, obtainElectron } from './electron-binary.mjs';

// These run the electron package's REAL installer (node_modules/electron/install.js and
// @electron/get) against download mirrors on 127.0.0.1 that fail in the ways the internet does,
// or that serve a small zip in the layout of Electron's release. No network beyond loopback.

const root = resolve(import.meta.dirname, '..');
const realElectronDir = join(root, 'node_modules', 'electron');
const version = (JSON.parse(readFileSync(join(realElectronDir, 'package.json'), 'utf8')) as { version: string })
  .version;
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rp-electron-int-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of the electron package's installer files; its dependencies resolve through NODE_PATH. */
function electronPackageCopy(): string {
  const dir = join(temp(), 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  for (const file of ['install.js', 'package.json', 'checksums.json']) {
    copyFileSync(join(realElectronDir, file), join(dir, file));
  }
  return dir;
}

/** Only what the installer needs: a user's npm_config_electron_* or cache must not leak in. */
function installerEnv(mirror: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: temp(),
    NODE_PATH: join(root, 'node_modules'),
    ELECTRON_MIRROR: mirror,
    electron_config_cache: temp(),
  };
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise((done) => server.close(done));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${port}/`;
}

/** A stored (uncompressed) zip, with Unix modes, enough for extract-zip. */
function zip(entries: { name: string; data: Buffer; mode: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below counts
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | entry.mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const obtain = (electronDir: string, mirror: string, timeoutMs?: number) => {
  const logFile = join(electronDir, '..', '..', '.tmp', 'electron-install.log');
  return obtainElectron({
    root: join(electronDir, '..', '..'),
    electronDir,
    logFile,
    env: installerEnv(mirror),
    timeoutMs,
  });
};

describe('obtainElectron with the real installer', () => {
  it('names a refused connection in one line and keeps the stack trace in the log', async () => {
    const electronDir = electronPackageCopy();
    const outcome = await obtain(electronDir, await closedPort());
    expect(outcome.binary).toBeUndefined();
    expect(outcome.line?.split('\n')).toHaveLength(1);
    expect(outcome.line).toMatch(
      /\(connect ECONNREFUSED 127\.0\.0\.1:\d+; installer output in \.tmp\/electron-install\.log\)/,
    );
    expect(outcome.line).toContain('npm run web');
    const log = readFileSync(join(electronDir, '..', '..', '.tmp', 'electron-install.log'), 'utf8');
    expect(log).toMatch(/\n\s+at /);
  });

  it('names an HTTP error from the download host', async () => {
    const mirror = await serve((_request, response) => {
      response.writeHead(404);
      response.end();
    });
    const outcome = await obtain(electronPackageCopy(), mirror);
    expect(outcome.line).toContain('Response code 404');
  });

  it('gives up on a download host that never answers, within the timeout', async () => {
    const mirror = await serve(() => {});
    const started = Date.now();
    const outcome = await obtain(electronPackageCopy(), mirror, 2000);
    expect(outcome.line).toContain('the download did not finish within 2 s');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  // path.txt names Electron.app/… on macOS and electron.exe on Windows; the zip here is Linux's layout.
  it.skipIf(process.platform !== 'linux')(
    'downloads, unpacks and then finds the binary when the host serves it',
    async () => {
      const electronDir = electronPackageCopy();
      const archive = zip([
        { name: 'electron', data: Buffer.from('#!/bin/sh\necho electron\n'), mode: 0o755 },
        { name: 'version', data: Buffer.from(version), mode: 0o644 },
      ]);
      // The installer verifies the zip against checksums.json: list ours there.
      const sha = createHash('sha256').update(archive).digest('hex');
      writeFileSync(join(electronDir, 'checksums.json'), JSON.stringify({ [zipName]: sha }));
      const requested: string[] = [];
      const mirror = await serve((request, response) => {
        requested.push(request.url ?? '');
        if (!request.url?.endsWith(`/${zipName}`)) return response.writeHead(404).end();
        response.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': archive.length });
        response.end(archive);
      });
      const first = await obtain(electronDir, mirror);
      expect(first).toEqual({ binary: join(electronDir, 'dist', 'electron'), downloaded: true });
      expect(requested).toEqual([`/v${version}/${zipName}`]);
      const second = await obtain(electronDir, mirror);
      expect(second).toEqual({ binary: join(electronDir, 'dist', 'electron'), downloaded: false });
      expect(requested).toHaveLength(1);
    },
  );
});

describe('npm start (scripts/start-electron.mjs)', () => {
  const hasBinary = locateElectronBinary(realElectronDir) !== undefined;

  it.skipIf(hasBinary)(
    'prints exactly one line pointing at npm run web and exits 1 when Electron cannot be had',
    async () => {
      const result = spawnSync(process.execPath, [join(root, 'scripts', 'start-electron.mjs')], {
        cwd: root,
        env: installerEnv(await closedPort()),
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.split('\n').filter((line) => line.length > 0);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Cannot start Electron: .*ECONNREFUSED.*npm run web/);
    },
  );
});
