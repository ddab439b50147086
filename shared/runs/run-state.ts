import type { LockLeft } from './lock-left';
import type { RunEvent, RunStatus } from './run-event';
import type { ErrorRecord, PlannedItem, PlannedStep, RunEventData, RunEventType, SignerRecord } from './run-events';

// The reducer: a run's journal folded into the state every surface shows. Pure and total: an
// unknown event type is ignored (a newer journal read by an older app), never a crash.

export type StepState = 'pending' | 'running' | 'waiting' | 'passed' | 'failed' | 'skipped' | 'rolled-back';
export type ActionState = 'pending' | 'running' | 'passed' | 'failed' | 'skipped';

export interface ActionView {
  key: string;
  type: string;
  title: string;
  state: ActionState;
  attempts: number;
  startedAt?: string;
  durationMs?: number;
  error?: ErrorRecord;
  tail?: string[];
  skipReason?: string;
  plan?: unknown;
  /** Process groups of the current attempt, where they run (host undefined: this machine). */
  processes?: Array<{ host?: string; pid: number }>;
}

export interface ItemView extends PlannedItem {
  tick?: SignerRecord & { at: string; auto?: boolean; ok?: boolean; carried?: boolean };
  check?: { ok: boolean; message: string; at: string };
}

export interface StepView {
  id: string;
  title: string;
  owner: string;
  state: StepState;
  startedAt?: string;
  endedAt?: string;
  skipReason?: string;
  error?: ErrorRecord;
  actions: ActionView[];
  items: ItemView[];
  approvals: Array<{
    role: string;
    by?: string;
    at?: string;
    note?: string;
    /** The last answer refused for this approval (shown beside it while it is asked again). */
    refused?: { by: string; reason: string; at: string };
  }>;
  waitingFor?: { items: string[]; approvals: string[]; decision?: string };
}

/** Who stopped an open run at a safe point, when and why (run.interrupted). */
export interface RunInterruption {
  at: string;
  by: string;
  reason: string;
}

/** The run's rollback as journaled: why, what started it, how it ended and how it was verified. */
export interface RunRollback {
  reason: string;
  trigger: string;
  at: string;
  ok?: boolean;
  error?: ErrorRecord;
  /** How the rollback was verified (by version, health, flag state or its checklist) and what was found. */
  verified?: RunEventData['rollback.verified'];
}

export interface RunState {
  id: string;
  status: RunStatus;
  project?: string;
  projectPath?: string;
  runbook?: string;
  runbookTitle?: string;
  environment?: string;
  protected?: boolean;
  version?: string;
  previousVersion?: string;
  /** A rollback run: the release it undoes (run.started). */
  rollbackOf?: { version: string; runId: string };
  commit?: string;
  /** The project's versions are not git refs, so the version names no commit (and none was looked for). */
  notGitRef?: boolean;
  strategy?: string;
  operator?: SignerRecord;
  roles: Record<string, string>;
  startedAt?: string;
  endedAt?: string;
  endReason?: string;
  steps: StepView[];
  exitCriteria: ItemView[];
  /** The rollback procedure as a step of its own: pending unless the run rolls back. */
  rollbackStep?: StepView;
  /** The step that was running (or waiting) last: where a resume starts. */
  currentStep?: string;
  lock?: { where: string; holder: string };
  /** The last typed confirmation refused (it is asked again); cleared once the name is typed. */
  confirmationRefused?: { text: string; reason: string; at: string };
  /** The run ended (or was interrupted) but could not give its deploy lock back: still held there. */
  lockLeft?: LockLeft;
  /** Set while the run is open after its host stopped it at a safe point (cleared by a resume). */
  interrupted?: RunInterruption;
  rollback?: RunRollback;
  /** Where traffic went last (traffic.switched weights by version): what a rollback has to move back. */
  traffic?: Record<string, number>;
  decisions: Array<RunEventData['failure.decided'] & { at: string }>;
  notes: string[];
  lessons?: string;
  eventCount: number;
  lastHash?: string;
}

export function emptyRunState(id: string): RunState {
  return { id, status: 'open', roles: {}, steps: [], exitCriteria: [], decisions: [], notes: [], eventCount: 0 };
}

function findStep(state: RunState, id: string): StepView | undefined {
  if (id === rollbackStepId) return state.rollbackStep;
  return state.steps.find((step) => step.id === id);
}

/** The id under which rollback actions and checks are journaled; `@` keeps it apart from step ids. */
export const rollbackStepId = '@rollback';

function stepView(step: PlannedStep): StepView {
  return {
    id: step.id,
    title: step.title,
    owner: step.owner,
    state: 'pending',
    actions: step.actions.map((a) => ({ ...a, state: 'pending', attempts: 0 })),
    items: step.items.map((item) => ({ ...item })),
    approvals: step.approvals.map((role) => ({ role })),
  };
}

function findItem(state: RunState, key: string): ItemView | undefined {
  for (const step of [...state.steps, ...(state.rollbackStep ? [state.rollbackStep] : [])]) {
    const item = step.items.find((i) => i.key === key);
    if (item) return item;
  }
  return state.exitCriteria.find((i) => i.key === key);
}

const endStatuses: string[] = ['succeeded', 'failed', 'rolled-back', 'aborted'];

type Handler<T extends RunEventType> = (state: RunState, data: RunEventData[T], event: RunEvent) => void;
type Handlers = { [T in RunEventType]?: Handler<T> };

const handlers: Handlers = {
  'run.started': (state, d, event) => {
    Object.assign(state, {
      project: d.project,
      projectPath: d.projectPath,
      runbook: d.runbook,
      runbookTitle: d.runbookTitle,
      environment: d.environment,
      protected: d.protected,
      version: d.version,
      strategy: d.strategy,
      operator: d.operator,
      roles: d.roles ?? {},
      startedAt: event.at,
    });
    if (d.rollbackOf) state.rollbackOf = d.rollbackOf;
    state.steps = (d.steps ?? []).map(stepView);
    state.rollbackStep = d.rollback ? stepView(d.rollback) : undefined;
    state.exitCriteria = (d.exitCriteria ?? []).map((item) => ({ ...item }));
  },
  'run.resumed': (state) => {
    state.status = 'open';
    state.interrupted = undefined;
    state.notes.push('resumed after the app stopped');
  },
  'run.finished': (state, d, event) => {
    // A status this app does not know (a damaged or newer journal) still means the run ended.
    state.status = endStatuses.includes(d.status) ? d.status : 'failed';
    state.endedAt = event.at;
    state.endReason = d.reason;
  },
  'run.interrupted': (state, d, event) => {
    // The running action stays `running` with no duration: a resume starts from it, and the
    // screens stop its clock at `interrupted.at` (shown-run.ts).
    state.interrupted = { at: event.at, by: d.by, reason: d.reason };
  },
  'lock.acquired': (state, d) => {
    state.lock = { where: d.where, holder: d.holder };
    state.lockLeft = undefined;
  },
  'lock.released': (state) => {
    state.lock = undefined;
    state.lockLeft = undefined;
  },
  'lock.release-failed': (state, d) => {
    state.lockLeft = { where: d.where, error: d.error };
  },
  'traffic.switched': (state, d) => {
    state.traffic = { ...d.weights };
  },
  'version.resolved': (state, d) => {
    state.version = d.version;
    state.commit = d.commit;
    state.previousVersion = d.previousVersion;
    state.notGitRef = d.notGitRef || undefined;
  },
  'step.started': (state, d, event) => {
    const step = findStep(state, d.step);
    if (!step) return;
    step.state = 'running';
    step.startedAt ??= event.at;
    step.waitingFor = undefined;
    state.currentStep = d.step;
  },
  'step.waiting': (state, d, event) => {
    const step = findStep(state, d.step);
    if (!step) return;
    // A step that waits before it runs (its approvals) began when the wait did: its time shows it.
    step.startedAt ??= event.at;
    step.state = 'waiting';
    // The environment's own approvals are asked on the step that first changes something: listed there.
    for (const role of d.approvals ?? [])
      if (!step.approvals.some((a) => a.role === role && !a.by)) step.approvals.push({ role });
    step.waitingFor = { items: d.items, approvals: d.approvals, decision: d.decision };
    state.currentStep = d.step;
  },
  'step.passed': (state, d, event) => {
    const step = findStep(state, d.step);
    if (!step) return;
    Object.assign(step, { state: 'passed', endedAt: event.at, waitingFor: undefined });
  },
  'step.failed': (state, d, event) => {
    const step = findStep(state, d.step);
    if (!step) return;
    Object.assign(step, { state: 'failed', endedAt: event.at, error: d.error, waitingFor: undefined });
  },
  'step.skipped': (state, d, event) => {
    const step = findStep(state, d.step);
    if (!step) return;
    Object.assign(step, { state: 'skipped', endedAt: event.at, skipReason: d.reason, waitingFor: undefined });
  },
  'approval.granted': (state, d, event) => {
    const approval = findStep(state, d.step)?.approvals.find((a) => a.role === d.role && !a.by);
    if (approval) Object.assign(approval, { by: d.by, at: event.at, note: d.note });
  },
  'approval.refused': (state, d, event) => {
    const approval = findStep(state, d.step)?.approvals.find((a) => a.role === d.role && !a.by);
    if (approval) approval.refused = { by: d.by, reason: d.reason, at: event.at };
  },
  'confirmation.refused': (state, d, event) => {
    state.confirmationRefused = { text: d.text, reason: d.reason, at: event.at };
  },
  'confirmation.given': (state) => {
    state.confirmationRefused = undefined;
  },
  'checklist.ticked': (state, d, event) => {
    const item = findItem(state, d.item);
    if (item)
      item.tick = { by: d.by, role: d.role, note: d.note, at: event.at, auto: d.auto, ok: d.ok, carried: d.carried };
  },
  'check.finished': (state, d, event) => {
    const item = findItem(state, d.item);
    if (item) item.check = { ok: d.ok, message: d.message, at: event.at };
  },
  'action.started': (state, d, event) => {
    const step = findStep(state, d.step);
    let action = step?.actions.find((a) => a.key === d.action);
    if (step && !action) {
      // Not in the plan (a strategy's revert during a rollback): shown as it was recorded.
      action = { key: d.action, type: d.type, title: d.title, state: 'pending', attempts: 0 };
      // Where it ran: before the planned actions still waiting (a revert runs before the rollback's checks).
      const waiting = step.actions.findIndex((a) => a.state === 'pending');
      step.actions.splice(waiting < 0 ? step.actions.length : waiting, 0, action);
    }
    if (!action) return;
    Object.assign(action, {
      state: 'running',
      attempts: d.attempt,
      startedAt: event.at,
      durationMs: undefined,
      plan: d.plan,
      error: undefined,
      processes: [],
    });
  },
  'process.started': (state, d) => {
    const action = findStep(state, d.step)?.actions.find((a) => a.key === d.action);
    action?.processes?.push({ host: d.host, pid: d.pid });
  },
  'action.passed': (state, d) => {
    const action = findStep(state, d.step)?.actions.find((a) => a.key === d.action);
    if (action) Object.assign(action, { state: 'passed', durationMs: d.durationMs });
  },
  'action.failed': (state, d) => {
    const action = findStep(state, d.step)?.actions.find((a) => a.key === d.action);
    if (action) Object.assign(action, { state: 'failed', durationMs: d.durationMs, error: d.error, tail: d.tail });
  },
  'action.skipped': (state, d) => {
    const action = findStep(state, d.step)?.actions.find((a) => a.key === d.action);
    if (action) Object.assign(action, { state: 'skipped', skipReason: d.reason });
  },
  'failure.decided': (state, d, event) => {
    state.decisions.push({ ...d, at: event.at });
  },
  'rollback.started': (state, d, event) => {
    state.rollback = { reason: d.reason, trigger: d.trigger, at: event.at };
  },
  'rollback.verified': (state, d) => {
    if (state.rollback) state.rollback.verified = { ...d };
  },
  'rollback.finished': (state, d, event) => {
    if (state.rollback) Object.assign(state.rollback, { ok: d.ok, error: d.error });
    // The rollback step has no step.passed of its own: its end is the rollback's.
    if (state.rollbackStep && state.rollbackStep.state !== 'pending')
      Object.assign(state.rollbackStep, {
        state: d.ok ? 'passed' : 'failed',
        endedAt: event.at,
        waitingFor: undefined,
      });
    if (d.ok)
      for (const step of state.steps)
        if (step.state === 'passed' || step.state === 'failed') step.state = 'rolled-back';
  },
  'lessons.recorded': (state, d) => {
    state.lessons = d.text;
  },
};

/** Applies one event; used both to fold a whole journal and to follow a live one. */
export function applyRunEvent(state: RunState, event: RunEvent): RunState {
  // Own keys only: a type such as `__proto__` or `hasOwnProperty` would otherwise reach Object.prototype.
  const handler = Object.hasOwn(handlers, event.type)
    ? (handlers[event.type as RunEventType] as Handler<RunEventType>)
    : undefined;
  handler?.(state, event.data as never, event);
  state.eventCount += 1;
  state.lastHash = event.hash ?? state.lastHash;
  return state;
}

export function foldRun(id: string, events: readonly RunEvent[]): RunState {
  const state = emptyRunState(id);
  for (const event of events) applyRunEvent(state, event);
  return state;
}
