import { z } from 'zod';
import { ProjectSummary } from './project';

// The built-in demo project (resources/demo/): a git repository the app creates in its data folder,
// deployed to two environments on this machine. What it needs (a Docker engine; nginx for
// blue-green) is reported here in words a newcomer can act on.

export const DemoDocker = z.object({
  /** The engine answered on `socket`. */
  ok: z.boolean(),
  socket: z.string(),
  /** The engine's version when it answered. */
  version: z.string().optional(),
  /** When it did not: what is wrong and how to start it, in one or two sentences. */
  message: z.string().optional(),
});
export type DemoDocker = z.infer<typeof DemoDocker>;

export const DemoProxy = z.object({
  /** nginx from this machine switches blue-green traffic; `none`: the demo deploys by recreate. */
  kind: z.enum(['nginx', 'none']),
  binary: z.string().optional(),
  /** The demo's own nginx (its config and pid in the data folder) is running. */
  running: z.boolean(),
  /** What the proxy means for the demo, and what to install when there is none. */
  message: z.string(),
});
export type DemoProxy = z.infer<typeof DemoProxy>;

export const DemoStatus = z.object({
  /** absent: not set up yet (or reset); ready: the project exists and can be opened. */
  state: z.enum(['absent', 'ready']),
  /** Where the demo project is (or will be created). */
  projectPath: z.string(),
  /** The open project's id, when the demo is among the open projects. */
  projectId: z.string().optional(),
  docker: DemoDocker,
  proxy: DemoProxy,
  strategy: z.enum(['blue-green', 'recreate']),
  /** The service as each environment's users reach it (through nginx, or the container's port). */
  urls: z.object({ staging: z.string(), production: z.string() }).optional(),
  /** The tags of the demo repository: v1.0.0, v1.1.0 and the deliberately bad v1.2.0. */
  versions: z.array(z.string()),
  /** The answers file for a run from the command line. */
  answersFile: z.string().optional(),
});
export type DemoStatus = z.infer<typeof DemoStatus>;

export const DemoOpened = z.object({ status: DemoStatus, project: ProjectSummary });
export type DemoOpened = z.infer<typeof DemoOpened>;

export const DemoResetResult = z.object({
  status: DemoStatus,
  /** What the reset removed: containers, the demo's runs, its release history. */
  removed: z.object({ containers: z.number().int(), runs: z.number().int() }),
});
export type DemoResetResult = z.infer<typeof DemoResetResult>;

/** Setting up the demo takes seconds (a git repository, three images, nginx): each stage as it starts. */
export const DemoProgressPush = z.object({
  stage: z.enum(['check', 'repository', 'images', 'proxy', 'open', 'reset', 'done']),
  message: z.string(),
});
export type DemoProgressPush = z.infer<typeof DemoProgressPush>;
