// How `npm start` finds, fetches and reports on the Electron binary. Kept apart from
// start-electron.mjs so the decisions can be tested with real folders and real processes.
// Types: electron-binary.d.mts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Five minutes: Electron is ~100 MB, and a slow link should finish; a dead one fails in seconds. */
export const defaultInstallTimeoutMs = 5 * 60 * 1000;

/**
 * The Electron executable exactly where the `electron` package's own index.js would look
 * (path.txt names it inside dist/, or inside ELECTRON_OVERRIDE_DIST_PATH), or undefined when
 * that file is not there. Never throws, unlike require('electron') on a missing binary.
 */
export function locateElectronBinary(electronDir, env = process.env) {
  let executable;
  try {
    executable = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    executable = undefined;
  }
  let candidate;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
  else if (executable) candidate = join(electronDir, 'dist', executable);
  return candidate && existsSync(candidate) ? candidate : undefined;
}

/**
 * Runs the electron package's own installer (its postinstall, which `ignore-scripts` skipped),
 * capturing all its output: on failure it prints a long stack trace that would bury the one line
 * the person needs. Resolves with the outcome; never rejects.
 */
export function runElectronInstaller(electronDir, { timeoutMs = defaultInstallTimeoutMs, env = process.env } = {}) {
  const script = join(electronDir, 'install.js');
  return new Promise((resolve) => {
    if (!existsSync(script)) {
      resolve({ code: null, signal: null, timedOut: false, output: '', spawnError: `no installer at ${script}` });
      return;
    }
    const child = spawn(process.execPath, [script], { cwd: electronDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = { stdout: [], stderr: [] };
    child.stdout.on('data', (chunk) => chunks.stdout.push(chunk));
    child.stderr.on('data', (chunk) => chunks.stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    const finish = (code, signal, spawnError) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(chunks.stdout).toString('utf8');
      const stderr = Buffer.concat(chunks.stderr).toString('utf8');
      resolve({ code, signal, timedOut, stdout, stderr, output: stderr + stdout, spawnError });
    };
    child.once('error', (error) => finish(null, null, error.message));
    child.once('close', (code, signal) => finish(code, signal));
  });
}

/**
 * One phrase naming why there is no binary. The installer's exit status says that it failed;
 * the first line of what it printed (`RequestError: getaddrinfo ENOTFOUND github.com`, the
 * error's own message) says why, so that line is quoted, minus the error class name.
 */
export function installFailureCause(result, { env = process.env, timeoutMs = defaultInstallTimeoutMs } = {}) {
  if (result.spawnError) return `the electron package is incomplete (${result.spawnError}); run npm install`;
  if (result.timedOut) return `the download did not finish within ${Math.round(timeoutMs / 1000)} s`;
  if (result.code === 0) {
    return env.ELECTRON_SKIP_BINARY_DOWNLOAD
      ? 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the installer downloaded nothing'
      : 'the installer finished but left no binary';
  }
  const first = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0);
  if (!first) return `the installer failed (${result.signal ? `signal ${result.signal}` : `exit code ${result.code}`})`;
  return first.replace(/^[A-Za-z]*Error:\s*/, '');
}

/** The single line `npm start` prints when Electron cannot be had. */
export function unavailableLine(cause, logFile) {
  const where = logFile ? `; installer output in ${logFile}` : '';
  const line = `Cannot start Electron: its binary could not be downloaded (${cause}${where}). Run \`npm run web\` to use Release Pilot in your browser instead.`;
  return line.replace(/\s+/g, ' ');
}

/** Keeps the installer's full output for whoever needs the stack trace. Returns the path, or undefined. */
export function writeInstallLog(logFile, result) {
  try {
    mkdirSync(dirname(logFile), { recursive: true });
    const status = result.timedOut ? 'timed out' : `exit code ${result.code}, signal ${result.signal}`;
    const spawnError = result.spawnError ? `spawn error: ${result.spawnError}\n` : '';
    writeFileSync(logFile, `electron install.js: ${status}\n${spawnError}${result.output ?? ''}`);
    return logFile;
  } catch {
    return undefined;
  }
}

/**
 * Finds the binary, or fetches it with the installer. Resolves `{ binary }` or `{ line }` (the
 * one line to print). The log path in the line is relative to `root` so it stays short.
 */
export async function obtainElectron({ root, electronDir, logFile, env = process.env, timeoutMs }) {
  const found = locateElectronBinary(electronDir, env);
  if (found) return { binary: found, downloaded: false };
  const result = await runElectronInstaller(electronDir, { env, timeoutMs });
  const binary = locateElectronBinary(electronDir, env);
  if (binary) return { binary, downloaded: true };
  const written = writeInstallLog(logFile, result);
  const shown = written ? relative(root, written) || written : undefined;
  return { line: unavailableLine(installFailureCause(result, { env, timeoutMs }), shown) };
}
