// The run's event vocabulary: each journal `type` and the shape of its `data`. The executor writes
// them; the reducer (run-state.ts), the report and resume read them. Adding a type here is how the
// journal learns something new; never reuse a name with a different shape.

export interface SignerRecord {
  by: string;
  role?: string;
  note?: string;
}

export interface PlannedAction {
  key: string;
  type: string;
  title: string;
}

export interface PlannedItem {
  key: string;
  text: string;
  checklist: string;
  gate?: number;
  before: boolean;
  automatic: boolean;
}

export interface PlannedStep {
  id: string;
  title: string;
  owner: string;
  /** Why this run skips the step before it begins (e.g. it applies to another environment). */
  notApplicable?: string;
  actions: PlannedAction[];
  items: PlannedItem[];
  approvals: string[];
}

export interface ErrorRecord {
  code: string;
  message: string;
}

/** One commit between the previous and the new version, as `git log` gave it. */
export interface CommitRecord {
  hash: string;
  author: string;
  date: string;
  subject: string;
}

/**
 * What synthetic probes (or Prometheus) measured over one stretch of a run. Rates are fractions
 * 0–1, latencies milliseconds, throughput requests per second. Absent when nothing was measured.
 */
export interface MetricsSummary {
  /** Probes that measured the app; those this machine held up are counted in notMeasured instead. */
  requests: number;
  failures: number;
  errorRate: number;
  availability: number;
  p50?: number;
  p95?: number;
  p99?: number;
  throughput: number;
  /** Probes this machine held up (event-loop lag, late sends): in no figure above. Absent when none. */
  notMeasured?: number;
}

/** Monitoring phases, relative to the cutover: the report compares them. */
export type MonitorPhase = 'before' | 'during' | 'after';

/** One host's (or one batch's) part of a strategy, shown before it runs and journaled as it happens. */
export interface StrategyStage {
  id: string;
  title: string;
  hosts: string[];
  /** Share of traffic (0–100) the new version gets at this stage, for canary and flags. */
  weight?: number;
}

/** What a rollback's verification looked at (rollback.verified). */
export type RollbackCheck = 'version' | 'health' | 'flag' | 'checklist' | 'none';

export type FailureChoice = 'retry' | 'skip' | 'rollback' | 'abort';
export type EndStatus = 'succeeded' | 'failed' | 'rolled-back' | 'aborted';

export interface RunEventData {
  'run.started': {
    runId: string;
    project: string;
    projectPath: string;
    runbook: string;
    runbookTitle: string;
    environment: string;
    protected: boolean;
    version: string;
    strategy?: string;
    operator: SignerRecord;
    roles: Record<string, string>;
    steps: PlannedStep[];
    exitCriteria: PlannedItem[];
    /** The runbook's rollback actions and checks, run only when the run rolls back. */
    rollback: PlannedStep;
    /** sha256 of the runbook and environment as validated: a resume refuses if they changed. */
    definition?: string;
    /** Pre-ticks carried in from an offline checklist review. */
    carried?: number;
    /** A rollback run (`release-pilot rollback`): the release it undoes, marked rolled back once this one is live. */
    rollbackOf?: { version: string; runId: string };
  };
  'run.resumed': { by: string; step?: string; action?: string };
  'run.cancelled': { by: string; reason: string };
  'run.finished': { status: EndStatus; reason?: string };
  /**
   * The host stopped the run at a safe point (a signal, the app quitting): waits withdrawn,
   * monitors and running commands stopped. The run stays open, and resumable; `lockKept` is the
   * deploy lock it still holds (a resume takes it over, a close releases it).
   */
  'run.interrupted': { by: string; reason: string; step?: string; action?: string; lockKept?: string };
  'lock.acquired': { where: string; holder: string };
  'lock.broken': { where: string; previous: { holder: string; runId: string; at: string }; by: string; reason: string };
  'lock.released': { where: string };
  /** Giving the lock back failed (the host went away): it is still held on the target. */
  'lock.release-failed': { where: string; error: string };
  /** A lock left by a run this machine's journal shows ended: released without anyone breaking it. */
  'lock.stale-released': {
    where: string;
    previous: { holder: string; runId: string; at: string };
    /** Why it is stale: the journal that says its run ended, and how. */
    proof: string;
  };
  /** notGitRef: the project's versions are not git refs (environments.yml `versions: not-git-refs`). */
  'version.resolved': { version: string; commit?: string; previousVersion?: string; notGitRef?: boolean };
  /** The project's remote was asked for its tags before the version was looked up (ok false: not reached). */
  'tags.fetched': { remote: string; ok: boolean; error?: string };
  'guard.passed': { guard: string; detail: string };
  'guard.failed': { guard: string; detail: string };
  'confirmation.given': { environment: string; by: string };
  /** A typed confirmation that did not match: refused, and asked again. */
  'confirmation.refused': { environment: string; text: string; reason: string };
  'step.started': { step: string };
  'step.skipped': { step: string; reason: string; by?: string };
  'step.waiting': { step: string; items: string[]; approvals: string[]; decision?: string };
  'step.passed': { step: string };
  'step.failed': { step: string; error: ErrorRecord };
  'approval.granted': { step: string; role: string; by: string; note?: string };
  /** An approval that breaks a rule (the operator approving on a protected environment): asked again. */
  'approval.refused': { step: string; role: string; by: string; reason: string };
  'checklist.ticked': {
    item: string;
    by: string;
    role?: string;
    note?: string;
    auto?: boolean;
    ok?: boolean;
    carried?: boolean;
  };
  'check.started': { item: string; check: string };
  'check.finished': { item: string; ok: boolean; message: string };
  'action.started': { step: string; action: string; type: string; title: string; attempt: number; plan: unknown };
  'action.passed': { step: string; action: string; durationMs: number; result?: unknown };
  'action.failed': {
    step: string;
    action: string;
    durationMs: number;
    attempt: number;
    error: ErrorRecord;
    tail: string[];
  };
  /** A command's process group began (host undefined: this machine); a resume stops it if it outlived a crash. */
  'process.started': { step: string; action: string; host?: string; pid: number };
  'process.stopped': { step: string; action: string; host?: string; pid: number };
  'action.skipped': { step: string; action: string; reason: string; by: string };
  'failure.decided': { step: string; action: string; decision: FailureChoice; reason?: string; by: string };
  'manual.continued': { step: string; action: string; by: string; note?: string };
  /** `manual`: "Roll back now" during the deploy or its watch (the path an alert takes). */
  'rollback.started': { reason: string; trigger: 'operator' | 'policy' | 'alert' | 'manual' };
  'rollback.finished': { ok: boolean; error?: ErrorRecord };
  /**
   * How the rollback was shown to have worked, or not: the check its strategy's revert calls for
   * (version or health for traffic and hosts, flag state for a feature flag), the rollback
   * checklist when no deploy action ran, or none when there was nothing to ask.
   */
  'rollback.verified': { by: RollbackCheck; ok: boolean; detail: string };
  'lessons.recorded': { text: string; by: string };
  /** The commits between the previous and the new version (the report's "Changes"). */
  'changes.recorded': { from?: string; to: string; commits: CommitRecord[]; truncated?: boolean };
  /** A strategy's plan per host, journaled before its first stage runs. */
  'strategy.planned': { strategy: string; stages: StrategyStage[] };
  'strategy.stage': { stage: string; state: 'started' | 'passed' | 'failed' | 'reverted'; detail?: string };
  /** The proxy or flag provider now sends traffic this way (weights by version, 0–100). */
  'traffic.switched': { where: string; weights: Record<string, number> };
  'monitor.started': { source: 'probes' | 'prometheus'; target: string; ratePerSecond?: number };
  'monitor.window': {
    source: 'probes' | 'prometheus';
    phase: MonitorPhase;
    from: string;
    to: string;
    metrics: MetricsSummary;
    /** Answers counted per version that answered, so canary weights can be seen. */
    versions?: Record<string, number>;
  };
  'monitor.stopped': { source: 'probes' | 'prometheus'; reason?: string };
  /** The longest stretch in which probes failed or got no answer. */
  'downtime.measured': { ms: number; from?: string; to?: string };
  /** An alert rule changed state; `firing` with action rollback starts an automatic rollback. */
  'alert.changed': {
    rule: string;
    condition: string;
    state: 'ok' | 'pending' | 'firing';
    value?: number;
    severity: 'critical' | 'warning' | 'info';
    action: 'notify' | 'rollback';
  };
  /** The target's release history now says `version` is live (`previous` was before). */
  'release.recorded': {
    environment: string;
    version: string;
    previous?: string;
    where: string;
    /** The version recorded as rolled back beside it (a rollback). */
    rolledBack?: string;
    /** What the version source said, when asked ("v2 answers …", "version not confirmed: …"). */
    check?: string;
  };
  /** The history was NOT changed: what answers disagrees with what a rollback should have put back. */
  'release.unconfirmed': { environment: string; expected: string; answered: string; where: string; check: string };
  /** A run started outside its deployment window or inside a freeze, on someone's written say-so. */
  'window.overridden': { rule: string; reason: string; by: string; role: string };
  /** The deployment plan this run carries out (its digest matches the exported plan). */
  'plan.recorded': { digest: string; title: string };
  'notification.sent': { channel: string; kind: string; trigger: string; attempt: number };
  'notification.failed': {
    channel: string;
    kind: string;
    trigger: string;
    attempt: number;
    error: string;
    final: boolean;
  };
  /** A production run failed or rolled back: an incident record and post-mortem draft exist. */
  'incident.opened': { id: string; reason: string; path: string };
}

export type RunEventType = keyof RunEventData;
