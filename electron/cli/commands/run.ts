import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { unknownAnswerKeys } from '../../../shared/formats/answer-keys';
import { answerRuleProblems } from '../../../shared/formats/answer-rule-check';
import type { Answers } from '../../../shared/formats/answers-schema';
import { lockLeftText } from '../../../shared/runs/lock-left';
import type { RunEvent } from '../../../shared/runs/run-event';
import type { SignerRecord } from '../../../shared/runs/run-events';
import { foldRun } from '../../../shared/runs/run-state';
import { readJournal } from '../../core/journal/journal-reader';
import { onShutdownSignals, type ShutdownSignal, signalExitCode } from '../../core/lib/shutdown-signals';
import { createFileLogger } from '../../core/logging/logger';
import { defaultDataDir } from '../../core/paths';
import { recordLessons } from '../../core/report/record-lessons';
import { answersDecider } from '../../core/run/answers-decider';
import { dryRun } from '../../core/run/dry-run';
import type { RunDecider } from '../../core/run/run-decider';
import { isUnreachable } from '../../core/run/run-errors';
import { RunInterruptedError } from '../../core/run/run-interrupt';
import { type RunHandle, type RunServices, resumeRun, startRun } from '../../core/run/run-launcher';
import { formatProblem, InvalidRunInputError, loadRunTarget } from '../../core/run/run-target';
import { runsDir } from '../../core/runs/run-store';
import { envSecrets } from '../../core/secrets/env-secrets';
import { createConfSettings } from '../../core/settings/conf-store';
import { formatDryRun, refusingGuards, unplannedActions } from '../run/dry-run-printer';
import { exitCodeOf, exitCodes, isBlocking, lastActionError } from '../run/exit-codes';
import { loadAnswers } from '../run/load-answers';
import { closePrompt, promptDecider } from '../run/prompt-decider';
import { createRunPrinter } from '../run/run-printer';

export interface RunOptions {
  project?: string;
  env?: string;
  version?: string;
  runbook?: string;
  strategy?: string;
  answers?: string;
  dataDir?: string;
  json?: boolean;
  dryRun?: boolean;
  /** Break a stale deploy lock, for this reason (journaled with the holder it replaced). */
  breakLock?: string;
  overrideWindow?: string;
  /** Set by `release-pilot rollback`: the live release this run undoes. */
  rollbackOf?: { version: string; runId: string };
}

function fail(message: string, code: number): number {
  console.error(`release-pilot run: ${message}`);
  return code;
}

async function operatorAndDecider(options: RunOptions, dataDir: string, logger: RunServices['logger']): Promise<Who> {
  const who = await askers(options, dataDir, logger);
  if (!options.breakLock) return who;
  const reason = options.breakLock;
  return { ...who, decider: { ...who.decider, breakLock: async () => ({ by: who.operator.by, reason }) } };
}

/** Answers that no question of this runbook would ask for: a typo, or a file for another runbook. */
async function checkAnswerKeys(options: RunOptions, answers: Answers): Promise<void> {
  const target = await loadRunTarget(resolve(options.project!), options.env!, options.runbook);
  // Answers that break a rule (the operator approving on a protected environment): refused now.
  const broken = answerRuleProblems(answers, target.runbook, target.environment);
  if (broken.length > 0) {
    const lines = broken.map((p) => `  ${p.key}: ${p.reason}`);
    throw new InvalidRunInputError(
      `answers file ${options.answers} gives answers the run would refuse:\n${lines.join('\n')}`,
    );
  }
  const unknown = unknownAnswerKeys(answers, target.runbook);
  if (unknown.length === 0) return;
  const lines = unknown.map(
    (u) => `  ${u.field}."${u.key}"${u.suggestion ? ` — did you mean "${u.suggestion}"?` : ''}`,
  );
  throw new InvalidRunInputError(
    `answers file ${options.answers} answers questions runbook "${target.runbookId}" never asks:\n${lines.join('\n')}`,
  );
}

/** Who decides, and the answers file's lessons learned (recorded once the run has ended). */
interface Who {
  operator: SignerRecord;
  decider: RunDecider;
  lessons?: string;
}

async function askers(options: RunOptions, dataDir: string, logger: RunServices['logger']): Promise<Who> {
  if (options.answers) {
    const answers = await loadAnswers(options.answers);
    if (options.project && options.env) await checkAnswerKeys(options, answers);
    return {
      operator: { by: answers.operator.name, role: answers.operator.role },
      decider: answersDecider(answers),
      lessons: answers.lessonsLearned?.trim() || undefined,
    };
  }
  if (!process.stdin.isTTY) {
    throw new InvalidRunInputError(
      'no terminal to ask on: give --answers <file> with the checklist ticks, approvals and failure decisions (docs/answers-file.md)',
    );
  }
  const settings = createConfSettings(dataDir, logger).readRaw();
  const name =
    typeof settings.operatorName === 'string' && settings.operatorName ? settings.operatorName : userInfo().username;
  const role = typeof settings.operatorRole === 'string' && settings.operatorRole ? settings.operatorRole : undefined;
  const operator = { by: name, role };
  return { operator, decider: promptDecider(operator) };
}

/**
 * A deployment must not die because its terminal went away (`| head`, a closed SSH session to the
 * jump host): a broken stdout only stops the printing; the run, its journal and its lock go on.
 */
function safeWriter(): (text: string) => void {
  let open = true;
  process.stdout.on('error', () => {
    open = false;
  });
  return (text) => {
    if (open) process.stdout.write(text);
  };
}

function services(
  dataDir: string,
  json: boolean | undefined,
  logger: RunServices['logger'],
  earlier: readonly RunEvent[] = [],
): RunServices {
  const print = createRunPrinter();
  print.prime(earlier);
  const write = safeWriter();
  return {
    dataDir,
    logger,
    secrets: envSecrets(),
    onEvent(event) {
      if (json) write(`${JSON.stringify({ event })}\n`);
      else {
        const line = print(event);
        if (line) write(`${line}\n`);
      }
    },
    onOutput(source, stream, line) {
      if (json) write(`${JSON.stringify({ output: { source, stream, line } })}\n`);
      else {
        // Several hosts' output interleaves: each line says whose it is (`<step>.<action>@<host>`).
        const host = source.includes('@') ? `[${source.slice(source.indexOf('@') + 1)}] ` : '';
        write(`    │ ${host}${line}\n`);
      }
    },
  };
}

/**
 * Ctrl-C or SIGTERM once interrupts the run at a safe point (core/run/run-interrupt.ts): questions
 * withdrawn, monitors and the running command stopped, `run.interrupted` journaled, the run left
 * open with its lock, to resume. A second signal leaves at once. (Cancelling, which ends the run,
 * is the app's Cancel button; from a terminal, interrupt and then `release-pilot close`.)
 */
function interruptOnSignal(handle: RunHandle, by: string): { stop(): void; signal(): ShutdownSignal | undefined } {
  let received: ShutdownSignal | undefined;
  const stop = onShutdownSignals({
    first(signal) {
      received = signal;
      console.error(`\n${signal}: interrupting the run at a safe point… (${signal} again to leave at once)`);
      handle.interrupt(by, `${signal} to release-pilot run (process ${process.pid})`);
    },
    again(signal) {
      process.exit(signalExitCode(signal));
    },
  });
  return { stop, signal: () => received };
}

/**
 * The answers file's `lessonsLearned`, appended to the ended run's journal as `lessons.recorded`
 * (as the app's report screen does), so the report and `verify` see them. A failure to record is
 * said, and does not change how the run ended.
 */
async function recordAnswersLessons(dataDir: string, handle: RunHandle, who: Who): Promise<void> {
  if (!who.lessons || handle.recorder.state.status === 'open') return;
  try {
    await recordLessons(dataDir, handle.runId, { text: who.lessons, by: who.operator.by });
  } catch (error) {
    console.error(
      `release-pilot run: lessons learned from the answers file were not recorded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function drive(
  makeHandle: () => Promise<RunHandle>,
  by: string,
  json: boolean | undefined,
  ended: (handle: RunHandle) => Promise<void> = async () => {},
): Promise<number> {
  const handle = await makeHandle();
  const signals = interruptOnSignal(handle, by);
  try {
    let status: Awaited<RunHandle['done']>;
    try {
      status = await handle.done;
    } catch (error) {
      if (error instanceof RunInterruptedError) {
        console.error(
          `run ${handle.runId} was interrupted and stays open: \`release-pilot resume ${handle.runId}\` carries on, \`release-pilot close ${handle.runId} --reason "…"\` ends it`,
        );
        return signalExitCode(signals.signal() ?? 'SIGINT');
      }
      // Refused after it was journaled (lock held, target unreachable): its last printed line
      // ("Run aborted: …") already says why; only the exit status is left to give.
      if (isBlocking(error) && handle.recorder.state.status !== 'open') return exitCodes.blocked;
      throw error;
    }
    await ended(handle);
    if (!json) console.log(`journal: ${handle.runId} (release-pilot verify ${handle.runId})`);
    // A run stopped because a host or the Docker engine could not be reached is exit 3, not 1.
    if (status !== 'succeeded' && isUnreachable(lastActionError(handle.recorder.state))) return exitCodes.blocked;
    const left = handle.recorder.state.lockLeft;
    if (left && json) console.error(`release-pilot run: ${lockLeftText(left)}`);
    return exitCodeOf(status, handle.recorder.state);
  } finally {
    signals.stop();
  }
}

function explain(error: unknown): number {
  if (error instanceof InvalidRunInputError) {
    const lines = error.problems.map(formatProblem);
    return fail([error.message, ...lines].join('\n'), exitCodes.invalidInput);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isBlocking(error)) return fail(message, exitCodes.blocked);
  const code = (error as { code?: string }).code;
  // A missing secret, or a run that cannot be resumed (ended, changed files): fix the input.
  if (code === 'missing-secret' || code === 'conflict' || code === 'override-refused')
    return fail(message, exitCodes.invalidInput);
  return fail(message, exitCodes.runFailed);
}

type Launch = (who: Who, services: RunServices) => Promise<RunHandle>;

/** Shared by `run` and `resume`: who decides, the services, the run driven to its end, the exit code. */
async function launch(
  options: RunOptions,
  start: Launch,
  earlier: (dataDir: string) => Promise<readonly RunEvent[]> = async () => [],
): Promise<number> {
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const { logger, flush } = createFileLogger({ dataDir, sync: true });
  try {
    const known = await earlier(dataDir);
    // A resume checks its answers against the run's own project, environment and runbook.
    const started = foldRun('resume', known);
    const target = known.length
      ? { project: started.projectPath, env: started.environment, runbook: started.runbook }
      : {};
    const who = await operatorAndDecider({ ...options, ...target }, dataDir, logger);
    return await drive(
      () => start(who, services(dataDir, options.json, logger, known)),
      who.operator.by,
      options.json,
      (handle) => recordAnswersLessons(dataDir, handle, who),
    );
  } catch (error) {
    return explain(error);
  } finally {
    flush();
    closePrompt();
  }
}

/** `--dry-run`: the plan, printed; nothing run, locked or journaled. Exit 2 when an action cannot be planned. */
async function dryRunCommand(options: RunOptions): Promise<number> {
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const { logger, flush } = createFileLogger({ dataDir, sync: true });
  try {
    const plan = await dryRun({
      projectRoot: resolve(options.project!),
      environment: options.env!,
      version: options.version!,
      runbook: options.runbook,
      strategy: options.strategy,
      dataDir,
      logger,
      secrets: envSecrets(),
    });
    console.log(options.json ? JSON.stringify(plan, null, 2) : formatDryRun(plan));
    if (unplannedActions(plan).length > 0 || plan.missingSecrets.length > 0) return exitCodes.invalidInput;
    // A guard the start would refuse on (window, lock, an environment not passed): exit 3, as a refused start.
    return refusingGuards(plan).length > 0 ? exitCodes.blocked : exitCodes.success;
  } catch (error) {
    return explain(error);
  } finally {
    flush();
  }
}

export async function runCommand(options: RunOptions): Promise<number> {
  const missing = (['project', 'env', 'version'] as const).filter((key) => !options[key]);
  if (missing.length > 0) return fail(`missing ${missing.map((m) => `--${m}`).join(', ')}`, exitCodes.invalidInput);
  if (options.dryRun) return dryRunCommand(options);
  return launch(options, ({ operator, decider }, services) =>
    startRun(
      {
        projectRoot: resolve(options.project!),
        environment: options.env!,
        version: options.version!,
        runbook: options.runbook,
        strategy: options.strategy,
        windowOverride: options.overrideWindow,
        rollbackOf: options.rollbackOf,
        operator,
        decider,
      },
      services,
    ),
  );
}

export async function resumeCommand(
  runId: string,
  options: Pick<RunOptions, 'answers' | 'dataDir' | 'json' | 'breakLock'>,
): Promise<number> {
  return launch(
    options,
    (who, services) => resumeRun(runId, who, services),
    async (dataDir) => (await readJournal(join(runsDir(dataDir), runId, 'journal.ndjson'))).events,
  );
}
