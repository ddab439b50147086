import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { RunSummary } from '../../../shared/api/schemas/run';
import type { Answer, LiveRun, Question } from '../../../shared/api/schemas/run-control';
import type { SignerRecord } from '../../../shared/runs/run-events';
import { verifyJournal } from '../journal/journal-reader';
import { readLogs } from '../journal/logs-reader';
import type { Logger } from '../ports';
import { getRun, runsDir, safeRunId } from '../runs/run-store';
import type { SecretsPort } from '../secrets/secrets-port';
import { closeRun } from './close-run';
import { createQueueDecider, type QueueDecider } from './queue-decider';
import type { PreTick } from './run-driver';
import { type RunHandle, type RunServices, resumeRun, startRun } from './run-launcher';

// The runs this app is driving, for the API: start, answer, cancel, resume, close. Every event
// and output line is pushed to the windows as it happens; questions wait until someone answers.

export interface RunServiceOptions {
  dataDir: string;
  logger: Logger;
  secrets: SecretsPort;
  operator(): SignerRecord;
  push: {
    event(runId: string, event: import('../../../shared/runs/run-event').RunEvent): void;
    output(runId: string, source: string, stream: string, line: string): void;
    question(runId: string, question: Question | null, answered?: string, withdrawn?: string): void;
  };
}

interface Active {
  handle?: RunHandle;
  decider: QueueDecider;
}

export interface RunService {
  start(request: {
    projectRoot: string;
    environment: string;
    version: string;
    runbook?: string;
    strategy?: string;
    windowOverride?: string;
    preTicks?: PreTick[];
  }): Promise<string>;
  resume(runId: string): Promise<string>;
  live(runId: string): LiveRun;
  answer(runId: string, questionId: string, answer: Answer): LiveRun;
  cancel(runId: string): LiveRun;
  /** "Roll back now" with the operator's reason: the rollback a firing rule would start. */
  rollBackNow(runId: string, reason: string): LiveRun;
  close(runId: string, reason: string): Promise<RunSummary>;
  verify(runId: string): ReturnType<typeof verifyJournal>;
  logs(
    runId: string,
    options: { source?: string; tail?: number },
  ): Promise<Array<{ at: string; source: string; stream: string; line: string }>>;
  /** Waits for a run this app drives to end (tests, shutdown). */
  settled(runId: string): Promise<void>;
  /**
   * The host is going away: every run it drives is interrupted at a safe point (run-interrupt.ts)
   * and stays open to resume. Resolves once each has journaled it; returns their ids.
   */
  interruptAll(by: string, reason: string): Promise<string[]>;
  /** The runs this app drives right now. */
  activeIds(): string[];
}

export class RunNotActiveError extends Error {
  readonly code = 'conflict';
  constructor(runId: string) {
    super(`run ${runId} is not being driven by this app (it ended, or another app runs it)`);
  }
}

export class RollbackUnderWayError extends Error {
  readonly code = 'conflict';
  constructor(runId: string) {
    super(`run ${runId} is already rolling back: nothing more to trigger`);
  }
}

export function createRunService(options: RunServiceOptions): RunService {
  const active = new Map<string, Active>();

  async function drive(launch: (decider: QueueDecider, services: RunServices) => Promise<RunHandle>): Promise<string> {
    let runId = '';
    const decider = createQueueDecider(
      () => runId,
      options.operator(),
      (question, answered, withdrawn) => options.push.question(runId, question, answered, withdrawn),
    );
    const services: RunServices = {
      dataDir: options.dataDir,
      logger: options.logger,
      secrets: options.secrets,
      onEvent: (event) => options.push.event(runId, event),
      onOutput: (source, stream, line) => options.push.output(runId, source, stream, line),
    };
    const entry: Active = { decider };
    const handle = await launch(decider, services);
    runId = handle.runId;
    entry.handle = handle;
    active.set(runId, entry);
    handle.done
      .catch((error: unknown) => options.logger.warn('run ended before its steps', { runId, error: String(error) }))
      .finally(() => {
        decider.clear();
        active.delete(runId);
      });
    return runId;
  }

  const require = (runId: string): Active => {
    const entry = active.get(runId);
    if (!entry) throw new RunNotActiveError(runId);
    return entry;
  };

  return {
    start: (request) =>
      drive((decider, services) => startRun({ ...request, operator: options.operator(), decider }, services)),
    resume: (runId) => {
      if (active.has(runId)) throw new RunNotActiveError(runId);
      return drive((decider, services) => resumeRun(runId, { operator: options.operator(), decider }, services));
    },
    live(runId) {
      const entry = active.get(runId);
      return { runId, active: entry !== undefined, questions: entry?.decider.pending() ?? [] };
    },
    answer(runId, questionId, answer) {
      require(runId).decider.answer(questionId, answer);
      return this.live(runId);
    },
    cancel(runId) {
      require(runId).handle?.cancel(options.operator().by);
      return this.live(runId);
    },
    rollBackNow(runId, reason) {
      const handle = require(runId).handle;
      const started = handle?.recorder.state.rollback !== undefined;
      if (!handle || started || !handle.rollBackNow(options.operator().by, reason))
        throw new RollbackUnderWayError(runId);
      return this.live(runId);
    },
    async close(runId, reason) {
      if (active.has(runId)) throw new RunNotActiveError(runId);
      await closeRun(options.dataDir, runId, options.operator().by, reason, options.logger);
      const { events: _events, ...summary } = await getRun(options.dataDir, runId);
      return summary;
    },
    verify: (runId) => verifyJournal(join(runsDir(options.dataDir), runId, 'journal.ndjson')),
    async logs(runId, { source, tail }) {
      // The id becomes a path: only a run id, and only a run that exists, is read.
      if (!safeRunId.test(runId)) throw new ApiError('invalid-request', `not a run id: ${runId}`, { runId });
      const dir = join(runsDir(options.dataDir), runId);
      if (!existsSync(join(dir, 'journal.ndjson'))) {
        throw new ApiError('not-found', `no run ${runId} in ${runsDir(options.dataDir)}`, { runId });
      }
      const { entries } = await readLogs(dir, { source, tail });
      return entries.map((e) => ({ at: e.at, source: e.source, stream: e.stream, line: e.line }));
    },
    async settled(runId) {
      await active.get(runId)?.handle?.done.then(
        () => undefined,
        () => undefined,
      );
    },
    activeIds: () => [...active.keys()],
    async interruptAll(by, reason) {
      const entries = [...active.entries()];
      for (const [, entry] of entries) entry.handle?.interrupt(by, reason);
      await Promise.all(entries.map(([runId]) => this.settled(runId)));
      return entries.map(([runId]) => runId);
    },
  };
}
