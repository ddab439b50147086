import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import type { StrategyStage } from '../../../shared/runs/run-events';
import type { DockerOps } from '../docker/docker-ops';
import type { ToolIO } from '../run/run-tools';
import type { SshConnection } from '../ssh/ssh-connection';

// The seam between the run engine and the deployment strategies. The `deploy` action builds a
// StrategyContext from the run (journal, monitors, hosts) and hands it to one DeployStrategy; a
// strategy never touches the journal or the monitors except through this context, so each can be
// tested against real nginx/Docker with a context built in the test.

/** One upstream server the proxy sends traffic to; weight 0 means "no traffic" (kept as a backup). */
export interface UpstreamServer {
  /** host:port as nginx's `server` line takes it. */
  address: string;
  weight: number;
  /** What runs there, e.g. "blue v1.4.0": written as a comment, shown in the UI. */
  label: string;
}

/** Whatever switches traffic between versions (nginx today; haproxy and others fit the same seam). */
export interface TrafficSwitch {
  /** Human wording of where the switch is, e.g. "nginx on web-1" or "nginx on this machine". */
  readonly where: string;
  /**
   * Points traffic at these servers: writes the upstream file, runs the proxy's config test, and
   * reloads only when the test passed. A failing test restores the previous file, never reloads,
   * and rejects with a CodedError 'proxy-config-invalid' carrying the test's output.
   */
  apply(servers: UpstreamServer[], io: ToolIO): Promise<void>;
  /** The servers the proxy currently sends traffic to, as last written (undefined: never written). */
  current(io: ToolIO): Promise<UpstreamServer[] | undefined>;
}

/** A feature-flag provider: the share of users (0–100) for whom a flag is on. */
export interface FlagSwitch {
  readonly where: string;
  set(flag: string, percentage: number, io: ToolIO): Promise<void>;
  get(flag: string, io: ToolIO): Promise<number | undefined>;
  /**
   * Reads the provider as a deploy would and throws a FlagError naming host, file and line when
   * it could not use it: the check a run makes before its first step.
   */
  check?(flag: string, io: ToolIO): Promise<void>;
}

export interface ReleaseEntry {
  version: string;
  at: string;
  runId: string;
  by?: string;
  strategy?: string;
  /** live: this release is (or was, until the next) what users got; rolled-back: it was undone. */
  status: 'live' | 'rolled-back';
}

/** Release history of one environment, kept on the target (first host, or this machine). */
export interface ReleaseHistory {
  readonly where: string;
  /** Newest first. */
  list(io: ToolIO): Promise<ReleaseEntry[]>;
  /** The newest entry with status live. */
  live(io: ToolIO): Promise<ReleaseEntry | undefined>;
  append(entry: ReleaseEntry, io: ToolIO): Promise<void>;
}

export type StageState = 'started' | 'passed' | 'failed' | 'reverted';

export interface StrategyContext {
  environment: NamedEnvironment;
  runId: string;
  version: string;
  /** The version live before this run (from the release history or the running container). */
  previousVersion?: string;
  /** `image:tag` of a version: the environment's app.image with the version as tag. */
  imageOf(version: string): string;
  /** Docker on a named host (over SSH) or 'local' (this machine / DOCKER_HOST), per environment.docker. */
  docker(host: string): Promise<DockerOps>;
  connection(host: string): Promise<SshConnection>;
  traffic?: TrafficSwitch;
  flags?: FlagSwitch;
  /** Journals strategy.stage. */
  stage(stage: string, state: StageState, detail?: string): Promise<void>;
  /** Journals traffic.switched, weights by version (0–100). */
  switched(where: string, weights: Record<string, number>): Promise<void>;
  /**
   * Lets the monitors watch for `ms` (a canary's or a flag step's analysis window). Resolves when
   * the window passed quietly; rejects with a CodedError 'alert-rollback' when a rollback rule fired.
   */
  analyse(ms: number, label: string): Promise<void>;
  /**
   * The cutover starts / ends: the monitors split their figures into before, during and after.
   * `outage`: users get no answer until 'after' by design (recreate), measured as downtime but not
   * judged by the rules; the health check guards that stretch.
   */
  cutover(phase: 'during' | 'after', options?: CutoverOptions): void;
  io: ToolIO;
}

export interface CutoverOptions {
  outage?: boolean;
}

export interface DeployOutcome {
  /** What now answers: weights by version (e.g. { "v2": 100 }). */
  weights: Record<string, number>;
  detail: string;
}

/**
 * What shows that a strategy's revert worked; the run engine carries it out after revert()
 * (electron/core/run/revert-check.ts) and journals which check it used and what it found.
 * - 'serving': traffic or hosts are back on the previous version, so the probed URL answers
 *   healthy again, and the previous version answers where monitoring.probes.version names a
 *   source (most apps send none: then "version not confirmed (no version source)").
 * - 'flag': the code on the hosts is still the new version, so no version source can show the
 *   revert; the flag read back from its provider is at `percentage`, and the rule that fired is
 *   no longer over its threshold on the probes taken since.
 */
export type RevertCheck = { kind: 'serving' } | { kind: 'flag'; flag: string; percentage: number };

export interface DeployStrategy {
  readonly name: string;
  /** How a revert of this strategy is verified (see RevertCheck). Pure. */
  revertCheck(environment: NamedEnvironment): RevertCheck;
  /** The plan per host, before anything runs: shown by `run --dry-run` and the UI. Pure. */
  plan(environment: NamedEnvironment, version: string, previousVersion: string | undefined): StrategyStage[];
  /** Deploys; on failure leaves what it changed for `revert` to undo, and rejects with a CodedError. */
  deploy(ctx: StrategyContext): Promise<DeployOutcome>;
  /** Returns users to the previous version as fast as possible (blue-green: one proxy switch). */
  revert(ctx: StrategyContext, reason: string): Promise<DeployOutcome>;
}

/**
 * The version live after a deploy that failed but whose engine already put the previous version
 * back by itself (Swarm's failure action `rollback`): the error's details.revertedTo. Undefined
 * for any other failure, which leaves its changes for the strategy's revert.
 */
export function selfRevertedTo(error: unknown): string | undefined {
  const details = (error as { details?: Record<string, unknown> } | undefined)?.details;
  return typeof details?.revertedTo === 'string' ? details.revertedTo : undefined;
}
