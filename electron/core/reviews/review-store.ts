import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ReviewTick } from '../../../shared/api/schemas/review';
import { ReviewError } from './review-error';

// Pre-ticks live on this machine, one file per project and runbook:
// `<dataDir>/reviews/<projectId>-<runbook>.json`. Written whole to a temporary file, synced, then
// renamed over the old one, so a crash mid-save leaves the previous ticks, never half a file.

const safeName = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const ReviewFile = z.object({
  version: z.literal(1),
  projectId: z.string(),
  runbook: z.string(),
  savedAt: z.string(),
  ticks: z.array(ReviewTick),
});

export function reviewsDir(dataDir: string): string {
  return join(dataDir, 'reviews');
}

export function reviewFile(dataDir: string, projectId: string, runbook: string): string {
  for (const [field, value] of [
    ['projectId', projectId],
    ['runbook', runbook],
  ] as const) {
    if (!safeName.test(value) || value.length > 200)
      throw new ReviewError('invalid-request', `${field} "${value}" cannot name a review file`, { field });
  }
  return join(reviewsDir(dataDir), `${projectId}-${runbook}.json`);
}

export async function readReviewTicks(dataDir: string, projectId: string, runbook: string): Promise<ReviewTick[]> {
  const file = reviewFile(dataDir, projectId, runbook);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ReviewError('unreadable', `cannot read the review ${file}: ${(error as Error).message}`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReviewError(
      'unreadable',
      `the review ${file} is not valid JSON (${(error as Error).message}); fix it or delete it to start the review over`,
      { file },
    );
  }
  const parsed = ReviewFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(top level)';
    throw new ReviewError(
      'unreadable',
      `the review ${file} is not a review file: ${field}: ${issue?.message}; fix it or delete it to start the review over`,
      { file, field },
    );
  }
  return parsed.data.ticks;
}

export async function writeReviewTicks(
  dataDir: string,
  projectId: string,
  runbook: string,
  ticks: readonly ReviewTick[],
  now = new Date(),
): Promise<void> {
  const file = reviewFile(dataDir, projectId, runbook);
  const dir = reviewsDir(dataDir);
  const body = `${JSON.stringify({ version: 1, projectId, runbook, savedAt: now.toISOString(), ticks }, null, 2)}\n`;
  const temp = join(dir, `.${projectId}-${runbook}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(body);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    // The rename is durable only once the directory entry is; best effort, as the journal does.
    const dirHandle = await open(dir, 'r').catch(() => undefined);
    await dirHandle?.sync().catch(() => undefined);
    await dirHandle?.close();
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    const errno = (error as NodeJS.ErrnoException).code;
    throw new ReviewError('write-failed', `cannot save the review ${file}: ${errno ?? (error as Error).message}`, {
      file,
      errno,
    });
  }
}
