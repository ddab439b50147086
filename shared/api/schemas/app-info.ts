import { z } from 'zod';

export const HostKind = z.enum(['electron', 'browser', 'cli']);
export type HostKind = z.infer<typeof HostKind>;

export const AppInfo = z.object({
  name: z.string(),
  productName: z.string(),
  version: z.string(),
  host: HostKind,
  platform: z.string(),
  arch: z.string(),
  versions: z.object({
    node: z.string(),
    electron: z.string().optional(),
    chrome: z.string().optional(),
  }),
  dataDir: z.string(),
  startedAt: z.string(),
  /** The browser host: the command that starts it again (same port and data folder). */
  startCommand: z.string().optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;
