import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../docker/build-image';
import { type DockerClient, dockerCall } from '../docker/docker-client';
import { planBuild } from '../docker/docker-plans';

// The demo service needs a small image with busybox in it. Where a registry is reachable that is the
// public busybox image; offline (a laptop on a plane, this CI machine) Release Pilot builds one FROM
// scratch with this machine's static busybox, so the demo needs no network at all.

export const publicBase = 'busybox:1.36';
const hostBase = 'release-pilot-demo-base';
const hashLabel = 'dev.release-pilot.demo-base';
const busyboxPlaces = ['/bin/busybox', '/usr/bin/busybox', '/usr/local/bin/busybox'];

export interface BaseImage {
  ref: string;
  /** How it was had, for the status line: "public image busybox:1.36" or "built from /bin/busybox". */
  source: string;
}

async function imageExists(client: DockerClient, ref: string): Promise<boolean> {
  try {
    await client.docker.getImage(ref).inspect();
    return true;
  } catch {
    return false;
  }
}

/** Pulls the public image; undefined (with the reason) when no registry answers. */
async function pullPublic(client: DockerClient): Promise<string | undefined> {
  try {
    const stream = await client.docker.pull(publicBase, { abortSignal: AbortSignal.timeout(20_000) });
    await new Promise<void>((resolve, reject) => {
      client.docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve()));
    });
    return undefined;
  } catch (error) {
    return (error as { json?: { message?: string } }).json?.message ?? (error as Error).message;
  }
}

/**
 * A dynamically linked busybox cannot run FROM scratch: it would need the host's libc. An ELF file
 * is static when it has no PT_INTERP program header.
 */
export async function isStaticElf(path: string): Promise<boolean> {
  const file = await open(path, 'r').catch(() => undefined);
  if (!file) return false;
  try {
    const header = Buffer.alloc(64);
    await file.read(header, 0, 64, 0);
    if (header.readUInt32BE(0) !== 0x7f454c46) return false;
    const is64 = header[4] === 2;
    const little = header[5] === 1;
    const u16 = (b: Buffer, at: number) => (little ? b.readUInt16LE(at) : b.readUInt16BE(at));
    const u32 = (b: Buffer, at: number) => (little ? b.readUInt32LE(at) : b.readUInt32BE(at));
    const phoff = is64 ? Number(little ? header.readBigUInt64LE(32) : header.readBigUInt64BE(32)) : u32(header, 28);
    const phentsize = u16(header, is64 ? 54 : 42);
    const phnum = u16(header, is64 ? 56 : 44);
    const table = Buffer.alloc(phentsize * phnum);
    await file.read(table, 0, table.length, phoff);
    for (let i = 0; i < phnum; i++) if (u32(table, i * phentsize) === 3) return false;
    return true;
  } finally {
    await file.close();
  }
}

export async function findStaticBusybox(): Promise<string | undefined> {
  for (const path of busyboxPlaces) if (await isStaticElf(path)) return path;
  return undefined;
}

async function buildHostBase(client: DockerClient, busybox: string): Promise<string> {
  const binary = await readFile(busybox);
  const tag = `${hostBase}:${createHash('sha256').update(binary).digest('hex').slice(0, 12)}`;
  if (await imageExists(client, tag)) return tag;
  const context = await mkdtemp(join(tmpdir(), 'rp-demo-base-'));
  try {
    await copyFile(busybox, join(context, 'busybox'));
    await chmod(join(context, 'busybox'), 0o755);
    await writeFile(
      join(context, 'Dockerfile'),
      [
        'FROM scratch',
        'COPY busybox /bin/busybox',
        // Exec form: there is no /bin/sh until busybox has installed its applet links.
        'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
        'RUN ["/bin/busybox", "mkdir", "-p", "/tmp", "/app", "/usr/bin", "/usr/sbin"]',
        '',
      ].join('\n'),
    );
    await runBuild(client, planBuild({ context, tags: [tag], labels: { [hashLabel]: busybox } }), () => undefined);
    return tag;
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

/** The base image for the demo service: present, pulled, or built from the host's busybox. */
export async function demoBaseImage(client: DockerClient): Promise<BaseImage> {
  if (await imageExists(client, publicBase)) return { ref: publicBase, source: `public image ${publicBase}` };
  // Offline, the pull fails at once (the registry's name does not resolve); a slow network is cut at 20 s.
  const pullError = await pullPublic(client);
  if (pullError === undefined) return { ref: publicBase, source: `public image ${publicBase}` };
  const busybox = await findStaticBusybox();
  if (busybox) {
    const ref = await dockerCall(client, `build the demo's base image from ${busybox}`, () =>
      buildHostBase(client, busybox),
    );
    return { ref, source: `built FROM scratch with ${busybox} (no registry: ${pullError})` };
  }
  throw new Error(
    `The demo needs a small base image with busybox: pulling ${publicBase} failed (${pullError}) and this machine ` +
      `has no static busybox (looked at ${busyboxPlaces.join(', ')}). Install one (Debian/Ubuntu: ` +
      'sudo apt-get install busybox-static) or connect to a registry, then try again.',
  );
}
