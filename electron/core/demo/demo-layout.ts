import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { resourcesDir } from '../formats/built-in-runbook';

// Where the demo lives: everything under `<data>/demo/`, so a reset is one folder and nothing of
// the demo is ever written beside the user's own projects.

export interface DemoLayout {
  root: string;
  /** The demo project: a git repository the app creates (tags v1.0.0, v1.1.0, v1.2.0). */
  project: string;
  /** The demo's own nginx: config, upstream files, pid and logs. */
  proxy: string;
  /** Deploy locks of the two environments. */
  locks: string;
  /** What was chosen at creation (ports, strategy, base image), read back by status and reset. */
  stateFile: string;
  /**
   * Every container of this demo starts with it. It names the data folder too, so two demos on one
   * engine (the app's and a test's, or two users') never take or remove each other's containers.
   */
  containerPrefix: string;
}

export function demoLayout(dataDir: string): DemoLayout {
  const root = join(dataDir, 'demo');
  return {
    root,
    // The folder's name is the project's name on cards and in reports.
    project: join(root, 'release-pilot-demo'),
    proxy: join(root, 'proxy'),
    locks: join(root, 'locks'),
    stateFile: join(root, 'demo.json'),
    containerPrefix: `release-pilot-demo-${createHash('sha256').update(root).digest('hex').slice(0, 6)}-`,
  };
}

/** The template the demo project is made from (resources/demo/project). */
export function demoTemplateDir(): string {
  return join(resourcesDir(), 'demo', 'project');
}

export const demoEnvironments = ['staging', 'production'] as const;
export type DemoEnvironment = (typeof demoEnvironments)[number];

/** The image repository of the demo service; each release is a tag of it. */
export const demoImage = 'release-pilot-demo';
