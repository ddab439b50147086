import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { runBuild, runTag } from '../docker/build-image';
import { type DockerClient, dockerCall } from '../docker/docker-client';
import { planBuild, planTag } from '../docker/docker-plans';

/**
 * Test images without a registry: FROM scratch plus the host's static busybox (Debian's busybox-static),
 * with every applet linked into /bin, so `sh`, `httpd`, `wget`, `cat` … all exist in the container.
 */
export const hostBusybox = '/bin/busybox';

const hashLabel = 'dev.release-pilot.lab-hash';
// Bump when the Dockerfile recipe below changes, so old cached images are not reused.
const recipeVersion = 1;

export interface BusyboxImageSpec {
  tag: string;
  /** Absolute path in the image → content. Content starting with "#!" is made executable (CGI scripts). */
  files?: Record<string, string>;
  cmd?: string[];
  healthcheck?: { test: string[]; intervalMs?: number; timeoutMs?: number; retries?: number };
}

export interface LabImage {
  tag: string;
  imageId: string;
  /** True when an image with the same content hash already existed and was only tagged. */
  cached: boolean;
}

/** Builds (or reuses, by content hash) a busybox image. */
export async function buildBusyboxImage(client: DockerClient, spec: BusyboxImageSpec): Promise<LabImage> {
  const busybox = await readFile(hostBusybox).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${hostBusybox} not readable (${error.code}): install busybox-static`);
  });
  const dockerfile = dockerfileFor(spec);
  const files = Object.entries(spec.files ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const hash = createHash('sha256')
    .update(busybox)
    .update(JSON.stringify({ recipeVersion, dockerfile, files }))
    .digest('hex')
    .slice(0, 16);

  const existing = await dockerCall(client, 'list lab images', () =>
    client.docker.listImages({ filters: { label: [`${hashLabel}=${hash}`] } }),
  );
  const hit = existing[0];
  if (hit) {
    if (!hit.RepoTags?.includes(spec.tag)) await runTag(client, planTag(hit.Id, spec.tag));
    return { tag: spec.tag, imageId: hit.Id, cached: true };
  }

  const context = await mkdtemp(join(tmpdir(), 'rp-busybox-image-'));
  try {
    await copyFile(hostBusybox, join(context, 'busybox'));
    await chmod(join(context, 'busybox'), 0o755);
    await mkdir(join(context, 'rootfs'));
    for (const [path, content] of files) {
      if (!posix.isAbsolute(path)) throw new Error(`files["${path}"]: image paths must be absolute`);
      const target = join(context, 'rootfs', path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content, { mode: content.startsWith('#!') ? 0o755 : 0o644 });
    }
    await writeFile(join(context, 'Dockerfile'), dockerfile);
    const plan = planBuild({ context, tags: [spec.tag], labels: { [hashLabel]: hash } });
    // Build output is not shown: a failure's DockerError already names the failing step and its error.
    const { imageId } = await runBuild(client, plan, () => undefined);
    return { tag: spec.tag, imageId, cached: false };
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

function dockerfileFor(spec: BusyboxImageSpec): string {
  const lines = [
    'FROM scratch',
    'COPY busybox /bin/busybox',
    // Exec form: there is no /bin/sh until busybox has installed its applet links.
    'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
    'RUN ["/bin/busybox", "mkdir", "-p", "/tmp", "/www", "/usr/bin"]',
    'COPY rootfs/ /',
  ];
  const h = spec.healthcheck;
  if (h) {
    const flags = [
      `--interval=${h.intervalMs ?? 1000}ms`,
      `--timeout=${h.timeoutMs ?? 1000}ms`,
      `--retries=${h.retries ?? 3}`,
    ];
    lines.push(`HEALTHCHECK ${flags.join(' ')} CMD ${JSON.stringify(h.test)}`);
  }
  if (spec.cmd) lines.push(`CMD ${JSON.stringify(spec.cmd)}`);
  return `${lines.join('\n')}\n`;
}

/** Docker tags allow [A-Za-z0-9_.-] and may not start with . or -; anything else in a version becomes "-". */
function tagSafe(version: string): string {
  const safe = version.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 127);
  return /^[A-Za-z0-9_]/.test(safe) ? safe : `v${safe}`;
}

/**
 * The demo web app: busybox httpd on port 80 serving /health (200 "ok") and /version (the version string),
 * with a health check that fetches /health from inside the container.
 */
export function buildDemoWebImage(client: DockerClient, version: string): Promise<LabImage> {
  return buildBusyboxImage(client, {
    tag: `rp-lab-demo-web:${tagSafe(version)}`,
    files: {
      '/www/health': 'ok',
      '/www/version': version,
      '/www/index.html': `<!doctype html><title>demo ${version}</title><p>Release Pilot demo app ${version}</p>\n`,
    },
    cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
    healthcheck: {
      test: ['wget', '-q', '-O', '/dev/null', 'http://127.0.0.1/health'],
      intervalMs: 500,
      timeoutMs: 2000,
    },
  });
}
