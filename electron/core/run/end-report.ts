import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportRef } from '../../../shared/notify/message-types';
import { buildRunReport } from '../report/run-report';

// The report as the run ended, written beside its journal (`report.md`) for the notifications to
// attach or link; `release-pilot report` renders it again at any time, with lessons learned added.

export async function writeEndReport(
  dataDir: string,
  runId: string,
  runDir: string,
  secrets: Record<string, string>,
): Promise<ReportRef | undefined> {
  const { markdown } = await buildRunReport(dataDir, runId, { secrets: Object.values(secrets) });
  const path = join(runDir, 'report.md');
  await writeFile(`${path}.tmp`, markdown);
  await rename(`${path}.tmp`, path);
  return { path, markdown };
}
