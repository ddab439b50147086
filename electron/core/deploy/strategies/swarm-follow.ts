import { setTimeout as sleep } from 'node:timers/promises';
import type { DockerClient } from '../../docker/docker-client';
import type { ToolIO } from '../../run/run-tools';
import { SwarmError } from './swarm-errors';
import {
  inspectService,
  listServiceTasks,
  type SwarmService,
  type SwarmTask,
  sameImage,
  specImage,
} from './swarm-service';

// Follows a service update (or rollback) live, as `docker service update` does without --detach:
// polls the service's UpdateStatus and its tasks, writes every change as a line, and ends when
// the engine reaches a final state. The engine does the work; this only watches and reports.

/** Where the engine left the update. `converged`: no update status, but every task runs the image. */
export type FollowEnd = 'completed' | 'paused' | 'rollback_completed' | 'rollback_paused' | 'converged';

export interface TaskFailure {
  task: string;
  image?: string;
  state: string;
  error: string;
}

export interface FollowResult {
  end: FollowEnd;
  /**
   * Every update-status message seen, oldest first: the engine overwrites "update rolled back due
   * to failure … of task x" with "rollback completed", so the why is only in the earlier ones.
   */
  messages: string[];
  /** Tasks that failed or were rejected while following (not those failed before). */
  failures: TaskFailure[];
  service: SwarmService;
}

export interface FollowOptions {
  client: DockerClient;
  service: SwarmService;
  /** The image every task runs once done: what "converged" means when the engine sets no status. */
  image: string;
  /** Tasks as they were before the change: only what changes after them is reported. */
  before: SwarmTask[];
  io: ToolIO;
  /** The host name for io.output (undefined: this machine). */
  host: string | undefined;
  /** Called on each update-state change (the strategy journals a stage for it). */
  onState(state: string, message: string): Promise<void>;
  /** Fails with 'swarm-stalled' when neither the status nor a task changed for this long. */
  stallMs: number;
  pollMs?: number;
}

const finalStates = new Set(['completed', 'paused', 'rollback_completed', 'rollback_paused']);
const failedStates = new Set(['failed', 'rejected']);

export async function followSwarmUpdate(options: FollowOptions): Promise<FollowResult> {
  const { client, io, host, stallMs } = options;
  const name = options.service.Spec.Name ?? options.service.ID;
  const seen = new Map(options.before.map((task) => [task.ID, taskKey(task)]));
  const failures = new Map<string, TaskFailure>();
  const messages: string[] = [];
  let lastStatus = statusKey(options.service);
  let lastChange = Date.now();
  for (;;) {
    if (io.signal.aborted) throw cancelled(client, name);
    const service = await inspectService(client, name);
    const tasks = sortTasks(await listServiceTasks(client, service));
    for (const task of tasks) {
      const key = taskKey(task);
      if (seen.get(task.ID) === key) continue;
      seen.set(task.ID, key);
      lastChange = Date.now();
      io.output(host, 'info', taskLine(name, task));
      const failure = failureOf(name, task);
      if (failure) failures.set(task.ID, failure);
    }
    const status = service.UpdateStatus;
    const key = statusKey(service);
    if (key !== lastStatus) {
      lastStatus = key;
      lastChange = Date.now();
      const message = status?.Message ?? '';
      if (message && messages.at(-1) !== message) messages.push(message);
      // An update request clears the status until the engine picks it up: nothing to say then.
      if (status?.State) {
        io.output(host, 'info', `service ${name}: ${status.State}${message ? ` — ${message}` : ''}`);
        await options.onState(status.State, message);
      }
    }
    const result = { messages, failures: [...failures.values()], service };
    if (status?.State && finalStates.has(status.State)) return { ...result, end: status.State as FollowEnd };
    if (!status?.State && converged(service, tasks, options.image)) return { ...result, end: 'converged' };
    if (Date.now() - lastChange > stallMs) throw stalled(client, name, status?.State, stallMs);
    await sleep(options.pollMs ?? 300, undefined, { signal: io.signal }).catch(() => undefined);
  }
}

/**
 * After the engine says a rollback completed, its tasks may still be starting (on a busy host for
 * seconds): the previous version is live only once they run. Waits for that, up to `limitMs`;
 * false when they did not, so nobody records a switch that has not happened.
 */
export async function awaitTasksRunning(
  client: DockerClient,
  service: SwarmService,
  image: string,
  limitMs: number,
  signal: AbortSignal,
  pollMs = 300,
): Promise<boolean> {
  const name = service.Spec.Name ?? service.ID;
  const deadline = Date.now() + limitMs;
  for (;;) {
    const now = await inspectService(client, name);
    if (converged(now, await listServiceTasks(client, now), image)) return true;
    if (signal.aborted || Date.now() >= deadline) return false;
    await sleep(pollMs, undefined, { signal }).catch(() => undefined);
  }
}

/** No update under way (the spec change touched no task) and the tasks that should run, run the image. */
function converged(service: SwarmService, tasks: SwarmTask[], image: string): boolean {
  if (!sameImage(specImage(service.Spec), image)) return false;
  const wanted = tasks.filter((task) => task.DesiredState === 'running');
  const replicas = service.Spec.Mode?.Replicated?.Replicas;
  if (replicas !== undefined && wanted.length < replicas) return false;
  return wanted.every((task) => task.Status?.State === 'running' && sameImage(task.Spec?.ContainerSpec?.Image, image));
}

function statusKey(service: SwarmService): string {
  const status = service.UpdateStatus;
  return status ? `${status.State}|${status.Message ?? ''}|${status.StartedAt ?? ''}` : '';
}

function taskKey(task: SwarmTask): string {
  return `${task.Status?.State}|${task.DesiredState}|${task.Status?.Err ?? ''}`;
}

function taskName(service: string, task: SwarmTask): string {
  const where = task.Slot !== undefined && task.Slot > 0 ? `${task.Slot}` : (task.NodeID ?? '?').slice(0, 12);
  return `${service}.${where}`;
}

function taskLine(service: string, task: SwarmTask): string {
  const image = task.Spec?.ContainerSpec?.Image?.replace(/@sha256:[0-9a-f]+$/, '') ?? '?';
  const state = task.Status?.State ?? 'unknown';
  const desired = task.DesiredState !== state ? ` (desired ${task.DesiredState})` : '';
  const error = task.Status?.Err ? `: ${task.Status.Err}` : '';
  return `task ${taskName(service, task)} ${task.ID.slice(0, 12)} ${image}: ${state}${desired}${error}`;
}

function failureOf(service: string, task: SwarmTask): TaskFailure | undefined {
  const state = task.Status?.State ?? '';
  if (!failedStates.has(state)) return undefined;
  const exit = task.Status?.ContainerStatus?.ExitCode;
  const error = task.Status?.Err ?? (exit !== undefined ? `exit code ${exit}` : state);
  return { task: taskName(service, task), image: task.Spec?.ContainerSpec?.Image, state, error };
}

function sortTasks(tasks: SwarmTask[]): SwarmTask[] {
  return [...tasks].sort((a, b) => (a.CreatedAt ?? '').localeCompare(b.CreatedAt ?? ''));
}

function cancelled(client: DockerClient, service: string): SwarmError {
  return new SwarmError(
    'cancelled',
    `Cancelled while following service "${service}" on ${client.label}; the engine carries on with the update on its own`,
    { engine: client.label, service },
  );
}

function stalled(client: DockerClient, service: string, state: string | undefined, ms: number): SwarmError {
  return new SwarmError(
    'swarm-stalled',
    `Service "${service}" on ${client.label} made no progress for ${Math.round(ms / 1000)}s (update state: ${state ?? 'none'}): check \`docker service ps ${service}\``,
    { engine: client.label, service, state },
  );
}
