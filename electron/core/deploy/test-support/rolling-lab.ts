import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { Environment, type NamedEnvironment } from '../../../../shared/formats/environment-schema';
import type { DockerClient } from '../../docker/docker-client';

// Environments and look-ups for the rolling/recreate/flags tests: several "hosts" sharing this
// machine's Docker engine (each its own container on its own port), and what a test checks
// afterwards (which version answers, which container is there and since when).

export function labEnvironment(raw: Record<string, unknown>, name = 'lab'): NamedEnvironment {
  return { ...Environment.parse(raw), name };
}

/** Hosts that are never connected to over SSH: only their names and app URLs matter. */
export function localHosts(ports: number[]): Array<Record<string, unknown>> {
  return ports.map((port, i) => ({
    name: `host-${i + 1}`,
    address: '127.0.0.1',
    knownHosts: '/dev/null',
    appUrl: `http://127.0.0.1:${port}`,
  }));
}

/** The trimmed body of GET <url>/version, or "down: <why>" when nothing answers. */
export async function versionAt(appUrl: string): Promise<string> {
  try {
    const response = await fetch(`${appUrl}/version`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? (await response.text()).trim() : `HTTP ${response.status}`;
  } catch (error) {
    return `down: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`;
  }
}

export interface ContainerFacts {
  id: string;
  startedAt: string;
  version: string | undefined;
  running: boolean;
}

export async function containerFacts(client: DockerClient, name: string): Promise<ContainerFacts | undefined> {
  try {
    const info = await client.docker.getContainer(name).inspect();
    return {
      id: info.Id,
      startedAt: info.State.StartedAt,
      version: info.Config.Labels?.['dev.release-pilot.version'],
      running: info.State.Running,
    };
  } catch {
    return undefined;
  }
}

/** A unique container base name per test file; every container starting with it is removed afterwards. */
export function useLabContainers(client: DockerClient, prefix: string): () => string {
  const made: string[] = [];
  afterAll(async () => {
    const all = await client.docker.listContainers({ all: true });
    const ours = all.filter((c) => c.Names.some((n) => made.some((base) => n.startsWith(`/${base}`))));
    await Promise.all(
      ours.map((c) =>
        client.docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
  });
  return () => {
    const base = `${prefix}-${randomUUID().slice(0, 8)}`;
    made.push(base);
    return base;
  };
}

export interface ProbeAnswer {
  at: number;
  ok: boolean;
  body: string;
}

/** GETs `url` every `everyMs` on a fresh connection each time until stopped; keeps every answer. */
export function probeEvery(url: string, everyMs: number): { answers: ProbeAnswer[]; stop(): Promise<void> } {
  const answers: ProbeAnswer[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = performance.now();
      try {
        const response = await fetch(url, {
          signal: AbortSignal.timeout(500),
          headers: { connection: 'close' },
        });
        const body = (await response.text()).trim();
        answers.push({ at, ok: response.status === 200, body });
      } catch (error) {
        answers.push({ at, ok: false, body: (error as Error).message });
      }
      const wait = everyMs - (performance.now() - at);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  return {
    answers,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** The longest stretch from the last good answer before failures to the first good one after. */
export function longestGapMs(answers: ProbeAnswer[]): number {
  let longest = 0;
  let lastGood: number | undefined;
  let failing = false;
  for (const answer of answers) {
    if (!answer.ok) failing = true;
    else {
      if (failing && lastGood !== undefined) longest = Math.max(longest, answer.at - lastGood);
      lastGood = answer.at;
      failing = false;
    }
  }
  return longest;
}
