import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logging/logger';
import type { ToolIO } from '../../run/run-tools';
import { createSshPool, type SshPool } from '../../ssh/ssh-pool';
import { freePort, type SshdLab, startSshdLab } from '../../test-lab/sshd-lab';
import { rejectionOf } from '../../test-support/rejection';
import { useTempDirs } from '../../test-support/temp-dir';
import { FlagError } from './flag-error';
import { flagSwitchFor } from './flag-switch-for';
import { flagdSchema } from './flagd-document';

// Flag providers against real files (here and on an sshd host) and a real HTTP flag service.

let lab: SshdLab;
let pool: SshPool;
beforeAll(async () => {
  lab = await startSshdLab({ hosts: 1 });
  pool = createSshPool({ logger: silentLogger });
});
afterAll(async () => {
  await pool?.close();
  await lab?.stop();
});

const io: ToolIO = { signal: new AbortController().signal, output: () => undefined };
const connection = (port?: number) => async (host: string) => {
  const h = lab.hosts.find((x) => x.name === host)!;
  return pool.connection({ ...h, port: port ?? h.port });
};
const other = { state: 'ENABLED', variants: { red: 'red', blue: 'blue' }, defaultVariant: 'red' };
const seeded = `${JSON.stringify({ $schema: flagdSchema, flags: { other } }, null, 2)}\n`;
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

describe.each([
  ['this machine', undefined],
  ['an SSH host', ['host-1']],
] as const)('file flag provider on %s', (_where, hosts) => {
  const tempDir = useTempDirs('rp-flags-');
  const provider = (path: string) => ({ kind: 'file' as const, path, ...(hosts ? { hosts: [...hosts] } : {}) });

  it('sets a flag to 50 % and back to 0 in flagd format, other flags untouched', async () => {
    const path = join(tempDir(), 'flags.json');
    await writeFile(path, seeded);
    const flags = flagSwitchFor(provider(path), { connection: connection() });

    await flags.set('new-checkout', 50, io);
    const at50 = await readJson(path);
    expect(at50.flags['new-checkout']).toEqual({
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'off',
      targeting: {
        fractional: [
          ['on', 50],
          ['off', 50],
        ],
      },
    });
    expect(at50.flags.other).toEqual(other);
    expect(await flags.get('new-checkout', io)).toBe(50);

    await flags.set('new-checkout', 0, io);
    expect((await readJson(path)).flags['new-checkout'].targeting.fractional).toEqual([
      ['on', 0],
      ['off', 100],
    ]);
    expect(await flags.get('new-checkout', io)).toBe(0);
    expect(await flags.get('unknown', io)).toBeUndefined();
  });

  it('creates the file (and its folder) when there is none', async () => {
    const path = join(tempDir(), 'new dir', 'flags.json');
    const flags = flagSwitchFor(provider(path), { connection: connection() });
    await flags.set('x', 100, io);
    expect((await readJson(path)).$schema).toBe(flagdSchema);
    expect(await flags.get('x', io)).toBe(100);
  });

  it('a malformed file is refused, named with its host and path, and left as it was', async () => {
    const path = join(tempDir(), 'flags.json');
    await writeFile(path, '{"flags": {"other": ');
    const flags = flagSwitchFor(provider(path), { connection: connection() });
    const error = await rejectionOf(flags.set('new-checkout', 50, io), FlagError);
    expect(error.code).toBe('flag-file-malformed');
    expect(error.message).toContain(`flag file ${path} on ${hosts ? 'host-1' : 'this machine'}: not valid JSON`);
    expect(await readFile(path, 'utf8')).toBe('{"flags": {"other": ');
  });

  it('writes only the flag: a one-line file with a comment keeps every other byte', async () => {
    const path = join(tempDir(), 'flags.json');
    const line =
      '/* shop */ {"flags":{"checkout":{"state":"ENABLED","variants":{"on":true,"off":false},"defaultVariant":"off","targeting":{"fractional":[["on",100],["off",0]]}},"other":{"state":"ENABLED","variants":{"a":"a"},"defaultVariant":"a"}}}';
    await writeFile(path, line);
    const flags = flagSwitchFor(provider(path), { connection: connection() });
    await flags.set('checkout', 0, io);
    expect(await readFile(path, 'utf8')).toBe(line.replace('[["on",100],["off",0]]', '[["on",0],["off",100]]'));
    expect(await flags.get('checkout', io)).toBe(0);
    await flags.check?.('checkout', io);
  });

  it('check() refuses a malformed copy naming host, file, line and column, and changes nothing', async () => {
    const path = join(tempDir(), 'flags.json');
    await writeFile(path, '{\n  "flags": {\n    "x": {,}\n  }\n}\n');
    const flags = flagSwitchFor(provider(path), { connection: connection() });
    const error = await rejectionOf(flags.check!('x', io), FlagError);
    expect(error.code).toBe('flag-file-malformed');
    expect(error.message).toBe(
      `flag file ${path} on ${hosts ? 'host-1' : 'this machine'}: not valid JSON at line 3, column 11 (ValueExpected); it was left unchanged — fix or remove it`,
    );
    expect(await readFile(path, 'utf8')).toBe('{\n  "flags": {\n    "x": {,}\n  }\n}\n');
  });

  it('a percentage outside 0–100 is refused before anything is read', async () => {
    const flags = flagSwitchFor(provider('/nonexistent/flags.json'), { connection: connection() });
    expect((await rejectionOf(flags.set('x', 120, io), FlagError)).code).toBe('invalid-percentage');
  });
});

describe('file flag provider, unreachable host', () => {
  it('names the host it could not reach', async () => {
    const flags = flagSwitchFor(
      { kind: 'file', path: '/srv/flags.json', hosts: ['host-1'] },
      { connection: connection(await freePort()) },
    );
    const error = await rejectionOf(flags.set('x', 50, io), FlagError);
    expect(error.code).toBe('flag-provider-unreachable');
    expect(error.message).toMatch(/^flag file \/srv\/flags\.json on host-1: host-1 \(127\.0\.0\.1:\d+\)/);
  });
});

describe('HTTP flag provider against a real HTTP server', () => {
  let server: Server;
  let url = '';
  const stored = new Map<string, number>();
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        seen.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''} ${body}`);
        const flag = decodeURIComponent(request.url!.replace('/flags/', ''));
        if (flag === 'broken') return response.writeHead(500).end('database down');
        if (request.method === 'PUT') {
          stored.set(flag, (JSON.parse(body) as { percentage: number }).percentage);
          return response.writeHead(204).end();
        }
        if (!stored.has(flag)) return response.writeHead(404).end();
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ percentage: stored.get(flag) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/flags`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('PUTs {"percentage": n} with the configured headers and reads it back with GET', async () => {
    const flags = flagSwitchFor(
      { kind: 'http', url, headers: { authorization: 'Bearer t0k' } },
      { connection: connection() },
    );
    await flags.set('new-checkout', 50, io);
    expect(await flags.get('new-checkout', io)).toBe(50);
    expect(await flags.get('never-set', io)).toBeUndefined();
    expect(seen[0]).toBe('PUT /flags/new-checkout Bearer t0k {"percentage":50}');
  });

  it('check() reads the flag from the service, refusing an error answer naming the URL', async () => {
    const flags = flagSwitchFor({ kind: 'http', url, headers: {} }, { connection: connection() });
    await flags.check!('never-set', io);
    const failed = await rejectionOf(flags.check!('broken', io), FlagError);
    expect(failed.message).toBe(`flag service GET ${url}/broken: HTTP 500 database down`);
  });

  it('an error answer and an unreachable service are clear errors naming the URL', async () => {
    const flags = flagSwitchFor({ kind: 'http', url, headers: {} }, { connection: connection() });
    const failed = await rejectionOf(flags.set('broken', 50, io), FlagError);
    expect(failed.code).toBe('flag-provider-failed');
    expect(failed.message).toBe(`flag service PUT ${url}/broken: HTTP 500 database down`);
    const dead = `http://127.0.0.1:${await freePort()}/flags`;
    const down = flagSwitchFor({ kind: 'http', url: dead, headers: {} }, { connection: connection() });
    const unreachable = await rejectionOf(down.get('x', io), FlagError);
    expect(unreachable.code).toBe('flag-provider-unreachable');
    expect(unreachable.message).toBe(`flag service GET ${dead}/x: no answer (ECONNREFUSED)`);
  });
});
