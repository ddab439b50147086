import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type InstallResult,
  installFailureCause,
  locateElectronBinary,
  runElectronInstaller,
  unavailableLine,
  writeInstallLog,
} from './electron-binary.mjs';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rp-electron-bin-'));
  made.push(dir);
  return dir;
}

/** A node_modules/electron folder laid out as the package's installer leaves it. */
function electronPackage(options: { pathTxt?: string; binary?: string } = {}): string {
  const dir = temp();
  if (options.pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), options.pathTxt);
  if (options.binary) {
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'dist', options.binary), '#!/bin/sh\n');
    chmodSync(join(dir, 'dist', options.binary), 0o755);
  }
  return dir;
}

const failed = (stderr: string, stdout = ''): InstallResult => ({
  code: 1,
  signal: null,
  timedOut: false,
  stderr,
  stdout,
  output: stderr + stdout,
});

describe('locateElectronBinary', () => {
  it('finds dist/<path.txt> as the electron package itself does', () => {
    const dir = electronPackage({ pathTxt: 'electron', binary: 'electron' });
    expect(locateElectronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it('reports nothing when the installer never ran (no path.txt)', () => {
    expect(locateElectronBinary(electronPackage(), {})).toBeUndefined();
  });

  it('reports nothing when path.txt names a file that is not there', () => {
    expect(locateElectronBinary(electronPackage({ pathTxt: 'electron' }), {})).toBeUndefined();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the package does', () => {
    const dir = electronPackage({ pathTxt: 'electron' });
    const override = temp();
    writeFileSync(join(override, 'electron'), '');
    expect(locateElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
    expect(locateElectronBinary(electronPackage(), { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(
      join(override, 'electron'),
    );
  });
});

describe('installFailureCause', () => {
  it("quotes the installer's error message without its class name or stack", () => {
    const stack = [
      'RequestError: getaddrinfo ENOTFOUND github.com',
      '    at ClientRequest.<anonymous> (/x/node_modules/got/dist/source/core/index.js:970:111)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)',
    ].join('\n');
    expect(installFailureCause(failed(`${stack}\n`))).toBe('getaddrinfo ENOTFOUND github.com');
    expect(installFailureCause(failed('\n\nError: connect ECONNREFUSED 127.0.0.1:9\n'))).toBe(
      'connect ECONNREFUSED 127.0.0.1:9',
    );
    expect(installFailureCause(failed('HTTPError: Response code 404 (Not Found) for http://mirror/x.zip'))).toBe(
      'Response code 404 (Not Found) for http://mirror/x.zip',
    );
  });

  it('names a timeout, a missing installer, a skipped download and a silent failure', () => {
    const base = failed('');
    expect(installFailureCause({ ...base, timedOut: true }, { timeoutMs: 300_000 })).toBe(
      'the download did not finish within 300 s',
    );
    expect(installFailureCause({ ...base, spawnError: 'no installer at /x/install.js' })).toContain('run npm install');
    expect(installFailureCause({ ...base, code: 0 }, { env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } })).toContain(
      'ELECTRON_SKIP_BINARY_DOWNLOAD',
    );
    expect(installFailureCause({ ...base, code: 0 }, { env: {} })).toBe('the installer finished but left no binary');
    expect(installFailureCause(base)).toBe('the installer failed (exit code 1)');
  });
});

describe('unavailableLine', () => {
  it('is one line naming the cause, the log and npm run web', () => {
    const line = unavailableLine('getaddrinfo ENOTFOUND github.com', '.tmp/electron-install.log');
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('getaddrinfo ENOTFOUND github.com');
    expect(line).toContain('.tmp/electron-install.log');
    expect(line).toContain('npm run web');
  });

  it('stays one line even if the cause has line breaks', () => {
    expect(unavailableLine('first\nsecond\r\nthird').split('\n')).toHaveLength(1);
  });
});

describe('runElectronInstaller and writeInstallLog', () => {
  it('reports a package without its installer instead of throwing', async () => {
    const result = await runElectronInstaller(electronPackage(), { env: {} });
    expect(result.spawnError).toMatch(/no installer at/);
  });

  it('keeps the full installer output in the log file', () => {
    const log = join(temp(), 'nested', 'electron-install.log');
    expect(writeInstallLog(log, failed('RequestError: boom\n    at somewhere\n'))).toBe(log);
    const text = readFileSync(log, 'utf8');
    expect(text).toContain('exit code 1');
    expect(text).toContain('    at somewhere');
  });
});
