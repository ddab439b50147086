import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { defaultDataDir } from '../../core/paths';
import { buildRunReport, knownSecretValues, ReportError } from '../../core/report/run-report';
import { envSecrets } from '../../core/secrets/env-secrets';
import { exitCodes } from '../run/exit-codes';

// `release-pilot report <run-id>`: the deployment report of a run, from its journal alone, as
// markdown or JSON, to stdout or (atomically) to a file. A journal cut short still gives a report
// of what it holds, which says so; a run still open says so too.

export interface ReportCommandOptions {
  output?: string;
  format?: 'md' | 'json';
  dataDir?: string;
}

/** Temp file beside the target, then rename: a reader never sees half a report, a failure leaves none. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function reportCommand(runId: string, options: ReportCommandOptions): Promise<number> {
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  let report: Awaited<ReturnType<typeof buildRunReport>>;
  try {
    report = await buildRunReport(dataDir, runId, { secrets: await knownSecretValues(envSecrets()) });
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    console.error(`release-pilot report: ${error.message}`);
    return exitCodes.invalidInput;
  }
  const text = options.format === 'json' ? `${JSON.stringify(report.data, null, 2)}\n` : report.markdown;
  if (report.problem)
    console.error(
      `release-pilot report: the journal is broken at ${report.problem}; the report covers what came before`,
    );
  if (report.open)
    console.error(`release-pilot report: run ${runId} is still open (no end recorded); the report says so`);
  if (!options.output) {
    process.stdout.write(text);
    return exitCodes.success;
  }
  const file = resolve(options.output);
  try {
    await writeAtomically(file, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    console.error(`release-pilot report: cannot write ${file} (${reason})`);
    return exitCodes.invalidInput;
  }
  console.log(`wrote the report of ${runId} to ${file}`);
  return exitCodes.success;
}
