import type { AlertCaveat } from '../runs/alert-caveat';
import type { LockLeft } from '../runs/lock-left';
import type { RunStatus } from '../runs/run-event';
import type { CommitRecord, ErrorRecord, MetricsSummary, MonitorPhase } from '../runs/run-events';
import type { RunInterruption, RunRollback } from '../runs/run-state';

// The report as data: what `reportData` returns, `--format json` prints and the markdown renderer
// reads. Everything in it comes from journal events; nothing is taken from the runbook as planned
// except names, so a step that never ran appears as "not run", not as done.

export interface ReportHeader {
  project?: string;
  runbook?: string;
  runbookTitle?: string;
  environment?: string;
  protected?: boolean;
  version?: string;
  previousVersion?: string;
  commit?: string;
  /** The version is not a git ref (the project says so): the report says that instead of a commit. */
  notGitRef?: boolean;
  strategy?: string;
  operator?: { by: string; role?: string };
  plan?: { title: string; digest: string };
  /** UTC day the run started (YYYY-MM-DD). */
  date?: string;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  /** Pre-ticks carried in from an offline checklist review. */
  carriedTicks?: number;
}

export interface ReportResults {
  status: RunStatus;
  endReason?: string;
  /** Undefined: no downtime measurement was journaled (which the report says, rather than claiming zero). */
  downtime?: { ms: number; from?: string; to?: string };
  issueCount: number;
  /** The deploy lock the run could not give back: still held on the target. */
  lockLeft?: LockLeft;
  /** The open run was interrupted by its host (a signal, the app quitting) and can be resumed. */
  interrupted?: RunInterruption;
  rollback?: RunRollback;
  /** Succeeded, but a critical alert fired or a rollback rule was pending at the end. */
  caveat?: AlertCaveat;
}

export interface MonitorRecord {
  source: 'probes' | 'prometheus';
  target: string;
  ratePerSecond?: number;
  startedAt: string;
  stoppedAt?: string;
  stopReason?: string;
}

/** The windows of one source and phase folded together: sums, request-weighted rates, worst percentiles. */
export interface PhaseMetrics {
  source: 'probes' | 'prometheus';
  phase: MonitorPhase;
  windows: number;
  from: string;
  to: string;
  metrics: MetricsSummary;
  versions?: Record<string, number>;
}

export interface ReportMetrics {
  monitors: MonitorRecord[];
  phases: PhaseMetrics[];
}

export type TimelineOutcome =
  | 'passed'
  | 'failed'
  | 'skipped'
  | 'rolled back'
  | 'running'
  | 'waiting'
  | 'interrupted'
  | 'not run';

export interface TimelineEntry {
  kind: 'step' | 'action';
  step: string;
  stepTitle: string;
  /** The action's key (`deploy.2`); absent on step rows. */
  action?: string;
  title: string;
  type?: string;
  attempt?: number;
  startedAt?: string;
  durationMs?: number;
  outcome: TimelineOutcome;
  /** Why: the error of a failure, the reason of a skip, who continued a manual action. */
  detail?: string;
}

/** Strategy stages, traffic switches and release-history entries, in the order they happened. */
export interface DeploymentEntry {
  at: string;
  what: string;
  detail: string;
}

export type ItemState = 'ticked' | 'checked' | 'check-failed' | 'unticked' | 'not-applicable';

export interface ChecklistItemEntry {
  key: string;
  text: string;
  gate?: number;
  automatic: boolean;
  state: ItemState;
  by?: string;
  role?: string;
  at?: string;
  note?: string;
  carried?: boolean;
  check?: { ok: boolean; message: string; at: string };
}

export interface ChecklistGroup {
  step: string;
  stepTitle: string;
  checklist: string;
  gate?: number;
  items: ChecklistItemEntry[];
}

export interface GateSummary {
  gate: 1 | 2 | 3 | 4;
  items: number;
  ticked: number;
  unticked: number;
  status: 'passed' | 'incomplete' | 'no items';
}

export interface ApprovalEntry {
  step: string;
  stepTitle: string;
  role: string;
  roleTitle: string;
  by?: string;
  at?: string;
  note?: string;
}

export interface ConfirmationEntry {
  environment: string;
  by: string;
  at: string;
}

export interface ReportChanges {
  /** False: the journal has no `changes.recorded` event, so the report cannot list commits. */
  recorded: boolean;
  from?: string;
  to?: string;
  commits: CommitRecord[];
  truncated: boolean;
}

export type IssueKind =
  | 'guard-failed'
  | 'action-failed'
  | 'check-failed'
  | 'retry'
  | 'decision'
  | 'action-skipped'
  | 'step-skipped'
  | 'alert'
  | 'rollback'
  | 'cancelled'
  | 'lock-broken'
  | 'lock-held'
  | 'lock-stale'
  | 'interrupted'
  | 'run-ended';

export interface IssueEntry {
  at: string;
  kind: IssueKind;
  /** Counted in the results' number of issues; follow-ups (a decision, an automatic retry) are not. */
  counted: boolean;
  /** What it is about: an action key, an item, an alert rule, a step. */
  subject: string;
  /** Plain text (the renderer escapes it). */
  summary: string;
  by?: string;
}

export interface NotificationFailure {
  at: string;
  channel: string;
  kind: string;
  trigger: string;
  attempt: number;
  error: string;
  final: boolean;
}

export interface WindowOverride {
  at: string;
  rule: string;
  reason: string;
  by: string;
  role: string;
}

export interface IncidentEntry {
  at: string;
  id: string;
  reason: string;
  path: string;
}

export interface LessonsEntry {
  text: string;
  by?: string;
  at?: string;
  /** True when the text is an edit not yet recorded in the journal (the UI's draft, `--lessons`). */
  unsaved: boolean;
}

export interface FailedActionOutput {
  step: string;
  action: string;
  title: string;
  attempt: number;
  at: string;
  error: ErrorRecord;
  tail: string[];
}

export interface ReportData {
  runId: string;
  /** No `run.finished`: the run is going on, or was stopped by a crash. */
  open: boolean;
  generatedAt?: string;
  journal: { events: number; finalHash?: string; lastAt?: string; problem?: string };
  header: ReportHeader;
  results: ReportResults;
  metrics: ReportMetrics;
  timeline: TimelineEntry[];
  deployment: DeploymentEntry[];
  gates: GateSummary[];
  checklists: ChecklistGroup[];
  approvals: ApprovalEntry[];
  confirmations: ConfirmationEntry[];
  changes: ReportChanges;
  issues: IssueEntry[];
  notifications: { sent: number; failed: NotificationFailure[] };
  windowOverrides: WindowOverride[];
  incidents: IncidentEntry[];
  lessons?: LessonsEntry;
  failedActions: FailedActionOutput[];
}

export interface ReportOptions {
  /** Lessons learned as edited before export; overrides the last `lessons.recorded`. */
  lessons?: string;
  /** When the report was made (ISO); omitted from the report when not given, so bytes stay stable. */
  now?: string;
  /** Secret values to mask, on top of the redaction the journal had at write time. */
  secrets?: readonly string[];
  /** The run id when the journal has no `run.started` to say it. */
  runId?: string;
  /** Why reading the journal stopped early (a broken line): the report says it covers what came before. */
  problem?: string;
}
