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
  };
  'run.resumed': { by: string; step?: string; action?: string };
  'run.cancelled': { by: string; reason: string };
  'run.finished': { status: EndStatus; reason?: string };
  'lock.acquired': { where: string; holder: string };
  'lock.broken': { where: string; previous: { holder: string; runId: string; at: string }; by: string; reason: string };
  'lock.released': { where: string };
  'version.resolved': { version: string; commit?: string; previousVersion?: string };
  'guard.passed': { guard: string; detail: string };
  'guard.failed': { guard: string; detail: string };
  'confirmation.given': { environment: string; by: string };
  'step.started': { step: string };
  'step.skipped': { step: string; reason: string; by?: string };
  'step.waiting': { step: string; items: string[]; approvals: string[]; decision?: string };
  'step.passed': { step: string };
  'step.failed': { step: string; error: ErrorRecord };
  'approval.granted': { step: string; role: string; by: string; note?: string };
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
  'rollback.started': { reason: string; trigger: 'operator' | 'policy' | 'alert' };
  'rollback.finished': { ok: boolean; error?: ErrorRecord };
  'lessons.recorded': { text: string; by: string };
}

export type RunEventType = keyof RunEventData;
