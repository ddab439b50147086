import { z } from 'zod';
import { Id, RunId } from './common';

// A run's monitoring for the charts (issue #5): the probe windows and alert changes its journal
// recorded, the alert rules of its runbook (with thresholds the journal does not carry until a
// rule changes state) and the downtime measured during cutover. The same shapes parse pushed
// `runs:event`s, so a live run's charts grow from the pushes without asking again.

export const MonitoringRequest = z.object({ runId: RunId }).strict();

export const MonitorPhase = z.enum(['before', 'during', 'after']);
export type MonitorPhase = z.infer<typeof MonitorPhase>;

export const Metrics = z.object({
  requests: z.number(),
  failures: z.number(),
  errorRate: z.number(),
  availability: z.number(),
  p50: z.number().optional(),
  p95: z.number().optional(),
  p99: z.number().optional(),
  throughput: z.number(),
  notMeasured: z.number().optional(),
});
export type Metrics = z.infer<typeof Metrics>;

/** `monitor.window` data: the figures of one stretch of probing. */
export const MonitorWindow = z.object({
  source: z.enum(['probes', 'prometheus']),
  phase: MonitorPhase,
  from: z.string(),
  to: z.string(),
  metrics: Metrics,
  versions: z.record(z.string(), z.number()).optional(),
});
export type MonitorWindow = z.infer<typeof MonitorWindow>;

export const AlertState = z.enum(['ok', 'pending', 'firing']);
export type AlertState = z.infer<typeof AlertState>;

const Severity = z.enum(['critical', 'warning', 'info']);
const RuleAction = z.enum(['notify', 'rollback']);

/** `alert.changed` data, with the time it was journaled. */
export const AlertChange = z.object({
  at: z.string(),
  rule: z.string(),
  condition: z.string(),
  state: AlertState,
  value: z.number().optional(),
  severity: Severity,
  action: RuleAction,
});
export type AlertChange = z.infer<typeof AlertChange>;

/** A runbook `alerts:` entry (`for` in milliseconds). */
export const MonitoringRule = z.object({
  name: z.string(),
  condition: z.string(),
  /** Unknown (undefined) for a rule known only from the journal's alert changes. */
  for: z.number().min(0).optional(),
  severity: Severity,
  action: RuleAction,
});
export type MonitoringRule = z.infer<typeof MonitoringRule>;

/** `downtime.measured` data: the longest stretch in which probes failed or got no answer. */
export const Downtime = z.object({ ms: z.number().min(0), from: z.string().optional(), to: z.string().optional() });
export type Downtime = z.infer<typeof Downtime>;

/** `monitor.started` data with its time. */
export const MonitorStart = z.object({
  at: z.string(),
  source: z.enum(['probes', 'prometheus']),
  target: z.string(),
  ratePerSecond: z.number().optional(),
});
export type MonitorStart = z.infer<typeof MonitorStart>;

/** `traffic.switched` with its time: a cutover moment drawn on every chart. */
export const Cutover = z.object({ at: z.string(), where: z.string() });
export type Cutover = z.infer<typeof Cutover>;

/** `rollback.started` (and `rollback.finished`, once journaled) with their times. */
export const MonitoredRollback = z.object({
  at: z.string(),
  trigger: z.enum(['operator', 'policy', 'alert']),
  reason: z.string(),
  endedAt: z.string().optional(),
  ok: z.boolean().optional(),
});
export type MonitoredRollback = z.infer<typeof MonitoredRollback>;

export const RunMonitoring = z.object({
  runId: Id,
  /** The journal's last line read: pushes with a higher `seq` are news, the others are already in. */
  lastSeq: z.number().int().min(0),
  environment: z.string().optional(),
  version: z.string().optional(),
  runbook: z.string().optional(),
  startedAt: z.string().optional(),
  /** Set once the run ended; until then the charts follow `runs:event` pushes. */
  endedAt: z.string().optional(),
  rules: z.array(MonitoringRule),
  /** Why the runbook's rules could not be read (then only rules that changed state are known). */
  rulesProblem: z.string().optional(),
  started: z.array(MonitorStart),
  /** True once every monitor that started has stopped. */
  stopped: z.boolean(),
  windows: z.array(MonitorWindow),
  alerts: z.array(AlertChange),
  downtime: Downtime.optional(),
  /** The run's strategy (`run.started`): what downtime it promises (none for blue-green). */
  strategy: z.string().optional(),
  cutovers: z.array(Cutover).optional(),
  rollback: MonitoredRollback.optional(),
});
export type RunMonitoring = z.infer<typeof RunMonitoring>;
