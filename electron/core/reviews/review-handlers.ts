import { ApiError, type ErrorCode } from '../../../shared/api/errors';
import type { ApiHandlers } from '../../../shared/api/handlers';
import type { ReviewTick } from '../../../shared/api/schemas/review';
import { pretickableItems } from '../../../shared/review/review-items';
import { ReviewError, type ReviewErrorCode } from './review-error';
import { loadReviewOutline } from './review-outline';
import { readReviewTicks, writeReviewTicks } from './review-store';

// `reviews:outline`, `reviews:get` and `reviews:save` for the engine. Saving checks every tick
// against the runbook as it is now, so a pre-tick the run would refuse is refused here, naming it.

export interface ReviewHandlerDeps {
  dataDir: string;
  /** The open project's folder, or an ApiError not-found. */
  projectRoot(projectId: string): string;
  now?: () => Date;
}

type ReviewMethods = 'reviews:outline' | 'reviews:get' | 'reviews:save';

const apiCodes: Record<ReviewErrorCode, ErrorCode> = {
  'invalid-request': 'invalid-request',
  'not-found': 'not-found',
  'invalid-project': 'invalid-project',
  // The file is there but in a state the app cannot use: the message names it and says how to fix it.
  unreadable: 'conflict',
  'write-failed': 'internal',
};

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ReviewError) {
    return new ApiError(apiCodes[error.code], error.message, error.details);
  }
  return new ApiError('internal', error instanceof Error ? error.message : String(error));
}

const guard =
  <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } catch (error) {
      throw toApiError(error);
    }
  };

async function checkTicks(root: string, projectId: string, runbook: string, ticks: readonly ReviewTick[]) {
  const outline = await loadReviewOutline(root, projectId, runbook);
  const errors = outline.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || outline.steps.length === 0) {
    throw new ReviewError(
      'invalid-project',
      `${outline.runbook.file} has ${errors.length} error(s): fix them before pre-ticking its checklists`,
      { problems: errors },
    );
  }
  const items = pretickableItems(outline);
  const automatic = new Set(
    [...outline.steps.flatMap((s) => s.checklists.flatMap((l) => l.items)), ...outline.exitCriteria]
      .filter((item) => item.check !== undefined)
      .map((item) => item.key),
  );
  for (const tick of ticks) {
    if (items.has(tick.item)) continue;
    const why = automatic.has(tick.item)
      ? 'the run checks it automatically'
      : `no such item in ${outline.runbook.file} (a rollback item, or renamed or removed)`;
    throw new ReviewError('invalid-request', `cannot pre-tick "${tick.item}": ${why}`, { item: tick.item });
  }
}

export function reviewHandlers(deps: ReviewHandlerDeps): Pick<ApiHandlers, ReviewMethods> {
  return {
    'reviews:outline': guard(async ({ projectId, runbook }) =>
      loadReviewOutline(deps.projectRoot(projectId), projectId, runbook),
    ),
    'reviews:get': guard(async ({ projectId, runbook }) => {
      deps.projectRoot(projectId);
      return { ticks: await readReviewTicks(deps.dataDir, projectId, runbook) };
    }),
    'reviews:save': guard(async ({ projectId, runbook, ticks }) => {
      await checkTicks(deps.projectRoot(projectId), projectId, runbook, ticks);
      await writeReviewTicks(deps.dataDir, projectId, runbook, ticks, deps.now?.());
      return { ticks };
    }),
  };
}
