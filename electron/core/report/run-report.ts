import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { runIdPattern as safeRunId } from '../../../shared/formats/run-input';
import { renderReportData } from '../../../shared/report/render-report';
import { reportData } from '../../../shared/report/report-data';
import type { ReportData } from '../../../shared/report/report-types';
import { createRedactor } from '../../../shared/runs/redact';
import type { RunEvent } from '../../../shared/runs/run-event';
import { readJournal } from '../journal/journal-reader';
import { CodedError } from '../lib/coded-error';
import { runsDir } from '../runs/run-store';
import type { SecretsPort } from '../secrets/secrets-port';

// A run's deployment report as the CLI and the app make it: the journal read (and its hash chain
// checked) from the data directory, then the shared pure renderer. A journal broken part-way still
// gives a report of what came before, which says where reading stopped.

export type ReportErrorCode = 'invalid-request' | 'not-found' | 'conflict';

export class ReportError extends CodedError<ReportErrorCode> {}

export interface RunJournal {
  runDir: string;
  file: string;
  events: RunEvent[];
  /** Where reading stopped (`<file> line 7: hash does not match its content`), when it did. */
  problem?: string;
}

export async function readRunJournal(dataDir: string, runId: string): Promise<RunJournal> {
  if (!safeRunId.test(runId)) throw new ReportError('invalid-request', `not a run id: ${runId}`, { runId });
  const runDir = join(runsDir(dataDir), runId);
  const file = join(runDir, 'journal.ndjson');
  try {
    await access(file);
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    if (errno === 'ENOENT')
      throw new ReportError('not-found', `no run ${runId} in ${runsDir(dataDir)}`, { runId, dataDir });
    throw new ReportError('conflict', `cannot read the journal of run ${runId}: ${file} (${errno ?? error})`, {
      runId,
      file,
    });
  }
  const { events, problems } = await readJournal(file);
  const first = problems[0];
  const problem = first ? `${file} line ${first.line}: ${first.reason}` : undefined;
  if (events.length === 0 && problem)
    throw new ReportError('conflict', `cannot read the journal of run ${runId}: ${problem}`, { runId, file });
  return { runDir, file, events, problem };
}

export interface RunReportOptions {
  lessons?: string;
  secrets?: readonly string[];
  now?: string;
}

export interface BuiltReport {
  data: ReportData;
  markdown: string;
  open: boolean;
  problem?: string;
  /** The lessons last recorded in the journal, whatever edit the report was rendered with. */
  recordedLessons?: string;
}

export async function buildRunReport(
  dataDir: string,
  runId: string,
  options: RunReportOptions = {},
): Promise<BuiltReport> {
  const journal = await readRunJournal(dataDir, runId);
  const reportOptions = { ...options, runId, problem: journal.problem };
  const data = reportData(journal.events, reportOptions);
  const recorded = journal.events.findLast((event) => event.type === 'lessons.recorded')?.data.text;
  return {
    data,
    markdown: renderReportData(data, reportOptions),
    open: data.open,
    problem: journal.problem,
    recordedLessons: typeof recorded === 'string' ? createRedactor(options.secrets ?? [])(recorded) : undefined,
  };
}

/**
 * The values of every secret this host knows, to mask in the report on top of the redaction the
 * journal had when it was written (a secret set after the run still never reaches an export).
 */
export async function knownSecretValues(secrets: SecretsPort): Promise<string[]> {
  const values = await Promise.all(secrets.names().map((name) => secrets.get(name).catch(() => undefined)));
  return values.filter((value): value is string => typeof value === 'string' && value !== '');
}
