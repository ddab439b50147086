import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { DemoLayout } from './demo-layout';
import { type DemoNginx, demoNginx } from './demo-proxy';

// What was chosen when the demo was created, read back by status, set-up and reset. Kept apart
// from the project's files so a user editing environments.yml cannot confuse the reset.

const Ports = z.object({
  entry: z.object({ staging: z.number(), production: z.number() }),
  slots: z.object({
    staging: z.object({ blue: z.number(), green: z.number() }),
    production: z.object({ blue: z.number(), green: z.number() }),
  }),
});

export const DemoState = z.object({
  createdAt: z.string(),
  strategy: z.enum(['blue-green', 'recreate']),
  ports: Ports,
  /** The nginx binary the demo runs, when there was one at creation (and it took the demo's config). */
  nginx: z.string().optional(),
  /** Whether that nginx knows `-e` (1.19.5 and later). */
  nginxErrorLogFlag: z.boolean().optional(),
  /** Why the demo deploys by recreate although nginx is installed (it refused the config). */
  proxyNote: z.string().optional(),
});
export type DemoState = z.infer<typeof DemoState>;

/** The demo's nginx as recorded at creation; undefined when the demo deploys by recreate. */
export function stateNginx(state: DemoState, layout: DemoLayout): DemoNginx | undefined {
  return state.nginx ? demoNginx(state.nginx, layout.proxy, state.nginxErrorLogFlag ?? true) : undefined;
}

export async function readDemoState(layout: DemoLayout): Promise<DemoState | undefined> {
  const text = await readFile(layout.stateFile, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = DemoState.safeParse(json);
  // A state file we cannot read means a demo we cannot vouch for: treat it as absent (reset rebuilds).
  return parsed.success ? parsed.data : undefined;
}

export async function writeDemoState(layout: DemoLayout, state: DemoState): Promise<void> {
  await writeFile(layout.stateFile, `${JSON.stringify(state, null, 2)}\n`);
}
