import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeEvent, GENESIS_HASH } from '../core/journal/journal-line';
import { useTempDirs } from '../core/test-support/temp-dir';

// The `release-pilot` command as a person runs it: the real bin script in a child process.
const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 20_000,
  });
}

/** Starts `release-pilot web` and resolves with its printed lines once the URL is out. */
function startWeb(args: string[], rendererDir: string): Promise<{ child: ChildProcess; out: string[]; url: string }> {
  const child = spawn(process.execPath, [bin, 'web', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RELEASE_PILOT_RENDERER_DIR: rendererDir },
  });
  const out: string[] = [];
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out.push(...chunk.toString().split('\n').filter(Boolean));
      const line = out.find((l) => l.startsWith('  open: '));
      if (line) resolve({ child, out, url: line.slice('  open: '.length) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web exited ${code}: ${out.join('\n')}`)));
  });
}

describe('release-pilot CLI', () => {
  const tempDir = useTempDirs();
  const children: ChildProcess[] = [];
  const servers: Server[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    for (const s of servers.splice(0)) s.close();
  });

  it('lists every verb in --help', () => {
    const result = cli(['--help']);
    expect(result.status).toBe(0);
    for (const verb of ['web', 'info', 'runs', 'validate', 'plan', 'run', 'report', 'verify']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${verb} `, 'm'));
    }
  });

  it('refuses a verb it does not have, with exit code 2', () => {
    // Every verb in the help is implemented now (`report` was the last one listed as coming).
    const result = cli(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('prints info as JSON with the data dir it was given', () => {
    const data = tempDir();
    const result = cli(['info', '--json', '--data-dir', data]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ productName: 'Release Pilot', host: 'cli', dataDir: data });
  });

  it('uses RELEASE_PILOT_DATA_DIR when no --data-dir is given', () => {
    const data = tempDir();
    expect(JSON.parse(cli(['info', '--json'], { RELEASE_PILOT_DATA_DIR: data }).stdout).dataDir).toBe(data);
  });

  it('lists runs, and says so when there are none', () => {
    const data = tempDir();
    expect(cli(['runs', '--data-dir', data]).stdout.trim()).toBe(`no runs yet in ${data}`);
    mkdirSync(join(data, 'runs', 'r1'), { recursive: true });
    const { line } = encodeEvent({
      seq: 1,
      at: '2026-11-01T09:00:00.000Z',
      type: 'run.started',
      data: { environment: 'staging', version: 'v1.1.0' },
      prev: GENESIS_HASH,
    });
    writeFileSync(join(data, 'runs', 'r1', 'journal.ndjson'), `${line}\n`);
    const listed = cli(['runs', '--data-dir', data]).stdout.trim().split('\n');
    expect(listed[0]).toBe('r1\topen\tstaging\tv1.1.0\t2026-11-01T09:00:00.000Z');
    // An open run says how to continue or end it.
    expect(listed.at(-1)).toContain('release-pilot resume r1');
  });

  it('refuses a malformed port with a clear message', () => {
    const result = cli(['web', '--port', '99999']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('give a port number from 0 to 65535');
  });

  function fixtureRenderer(): string {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>fixture</title>');
    return dir;
  }

  it('serves on the port it is given and stops cleanly on SIGTERM', async () => {
    const data = tempDir();
    const { child, url, out } = await startWeb(['--port', '0', '--data-dir', data], fixtureRenderer());
    children.push(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(out[0]).toMatch(/^Release Pilot \d+\.\d+\.\d+ — browser host$/);
    expect(out).toContain(`  data: ${data}`);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>fixture</title>');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('says how to build the UI when it is not built', () => {
    const result = cli(['web', '--port', '0', '--data-dir', tempDir()], { RELEASE_PILOT_RENDERER_DIR: tempDir() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the UI is not built');
    expect(result.stderr).toContain('run `npm run build` first');
  });

  it('names the port and the way out when an explicit port is taken', async () => {
    const blocker = createServer();
    servers.push(blocker);
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    const result = cli(['web', '--port', String(port), '--data-dir', tempDir()], {
      RELEASE_PILOT_RENDERER_DIR: fixtureRenderer(),
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `release-pilot: port ${port} on 127.0.0.1 is in use: choose another with --port, or --port 0 for any free port`,
    );
  });
});
