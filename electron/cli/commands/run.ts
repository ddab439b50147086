import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { SignerRecord } from '../../../shared/runs/run-events';
import { createFileLogger } from '../../core/logging/logger';
import { defaultDataDir } from '../../core/paths';
import { answersDecider } from '../../core/run/answers-decider';
import { dryRun } from '../../core/run/dry-run';
import type { RunDecider } from '../../core/run/run-decider';
import { type RunHandle, type RunServices, resumeRun, startRun } from '../../core/run/run-launcher';
import { formatProblem, InvalidRunInputError } from '../../core/run/run-target';
import { envSecrets } from '../../core/secrets/env-secrets';
import { createConfSettings } from '../../core/settings/conf-store';
import { formatDryRun, unplannedActions } from '../run/dry-run-printer';
import { exitCodeOf, exitCodes, isBlocking } from '../run/exit-codes';
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
}

function fail(message: string, code: number): number {
  console.error(`release-pilot run: ${message}`);
  return code;
}

async function operatorAndDecider(
  options: RunOptions,
  dataDir: string,
  logger: RunServices['logger'],
): Promise<{ operator: SignerRecord; decider: RunDecider }> {
  if (options.answers) {
    const answers = await loadAnswers(options.answers);
    return { operator: { by: answers.operator.name, role: answers.operator.role }, decider: answersDecider(answers) };
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

function services(dataDir: string, json: boolean | undefined, logger: RunServices['logger']): RunServices {
  const print = createRunPrinter();
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
      else write(`    │ ${line}\n`);
    },
  };
}

/** Ctrl-C once cancels the run (journaled, remote commands stopped); twice leaves at once. */
function cancelOnSignal(handle: RunHandle, by: string): () => void {
  let count = 0;
  const onSignal = () => {
    count += 1;
    if (count > 1) process.exit(130);
    console.error('\ncancelling… (Ctrl-C again to leave at once)');
    handle.cancel(by);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

async function drive(makeHandle: () => Promise<RunHandle>, by: string, json: boolean | undefined): Promise<number> {
  const handle = await makeHandle();
  const stop = cancelOnSignal(handle, by);
  try {
    const status = await handle.done;
    if (!json) console.log(`journal: ${handle.runId} (release-pilot verify ${handle.runId})`);
    return exitCodeOf(status);
  } finally {
    stop();
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
  if (code === 'missing-secret' || code === 'conflict') return fail(message, exitCodes.invalidInput);
  return fail(message, exitCodes.runFailed);
}

type Launch = (who: { operator: SignerRecord; decider: RunDecider }, services: RunServices) => Promise<RunHandle>;

/** Shared by `run` and `resume`: who decides, the services, the run driven to its end, the exit code. */
async function launch(options: Pick<RunOptions, 'answers' | 'dataDir' | 'json'>, start: Launch): Promise<number> {
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const { logger, flush } = createFileLogger({ dataDir, sync: true });
  try {
    const who = await operatorAndDecider(options, dataDir, logger);
    return await drive(() => start(who, services(dataDir, options.json, logger)), who.operator.by, options.json);
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
      dataDir,
      logger,
    });
    console.log(options.json ? JSON.stringify(plan, null, 2) : formatDryRun(plan));
    return unplannedActions(plan).length > 0 ? exitCodes.invalidInput : exitCodes.success;
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
        operator,
        decider,
      },
      services,
    ),
  );
}

export async function resumeCommand(
  runId: string,
  options: Pick<RunOptions, 'answers' | 'dataDir' | 'json'>,
): Promise<number> {
  return launch(options, (who, services) => resumeRun(runId, who, services));
}
