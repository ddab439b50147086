import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { renderPlanMarkdown } from '../../../shared/planning/plan-markdown';
import { createFileLogger } from '../../core/logging/logger';
import { defaultDataDir } from '../../core/paths';
import { loadDeploymentPlan } from '../../core/planning/load-plan';
import { formatProblem, InvalidRunInputError } from '../../core/run/run-target';
import { exitCodes } from '../run/exit-codes';

// `release-pilot plan`: the deployment plan (the workflow's step 2) as markdown for review, on
// stdout or in a file. Nothing runs, nothing is locked; only the live version is read, as a run would.

export interface PlanOptions {
  project?: string;
  env?: string;
  version?: string;
  runbook?: string;
  strategy?: string;
  output?: string;
  dataDir?: string;
  json?: boolean;
}

function fail(message: string, code: number): number {
  console.error(`release-pilot plan: ${message}`);
  return code;
}

export async function planCommand(options: PlanOptions): Promise<number> {
  const missing = (['project', 'env', 'version'] as const).filter((key) => !options[key]);
  if (missing.length > 0) return fail(`missing ${missing.map((m) => `--${m}`).join(', ')}`, exitCodes.invalidInput);
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const { logger, flush } = createFileLogger({ dataDir, sync: true });
  try {
    const plan = await loadDeploymentPlan({
      projectRoot: resolve(options.project!),
      environment: options.env!,
      version: options.version!,
      runbook: options.runbook,
      strategy: options.strategy,
      dataDir,
      logger,
    });
    const text = options.json ? `${JSON.stringify(plan, null, 2)}\n` : renderPlanMarkdown(plan);
    if (options.output) {
      const file = resolve(options.output);
      try {
        await writeFile(file, text);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        return fail(`cannot write the plan to ${file} (${reason})`, exitCodes.runFailed);
      }
      console.error(`plan written to ${file} (digest sha256:${plan.digest})`);
    } else process.stdout.write(text);
    if (plan.problems.length === 0) return exitCodes.success;
    const lines = plan.problems.map((p) => `  ${p}`);
    return fail(
      `${plan.problems.length} problem(s) to fix before the run:\n${lines.join('\n')}`,
      exitCodes.invalidInput,
    );
  } catch (error) {
    if (error instanceof InvalidRunInputError)
      return fail([error.message, ...error.problems.map(formatProblem)].join('\n'), exitCodes.invalidInput);
    return fail(error instanceof Error ? error.message : String(error), exitCodes.runFailed);
  } finally {
    flush();
  }
}
