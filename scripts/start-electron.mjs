#!/usr/bin/env node
// `npm start`: build the app and launch it in Electron. Install scripts are off (.npmrc), so the
// Electron binary is fetched here, on first start, by the electron package's own installer.
// Where it cannot be had (no network to its download host), this prints one line saying why and
// pointing at `npm run web`, and exits 1. The logic is in electron-binary.mjs, with its tests.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { obtainElectron } from './electron-binary.mjs';

const root = resolve(import.meta.dirname, '..');

function run(command, args, options) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      done(1);
    });
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(code ?? (signal ? 1 : 0));
    });
  });
}

const outcome = await obtainElectron({
  root,
  electronDir: join(root, 'node_modules', 'electron'),
  logFile: join(root, '.tmp', 'electron-install.log'),
});
if (outcome.line) {
  console.error(outcome.line);
  process.exit(1);
}
if (outcome.downloaded) console.log(`Downloaded Electron to ${outcome.binary}`);

const built = await run(
  process.execPath,
  [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
  {
    cwd: root,
  },
);
if (built !== 0) process.exit(built);

// ELECTRON_RUN_AS_NODE (set by some editors' terminals) would make the binary a plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
process.exit(await run(outcome.binary, [root, ...process.argv.slice(2)], { cwd: root, env }));
