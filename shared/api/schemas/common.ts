import { z } from 'zod';
import { runIdPattern } from '../../formats/run-input';

/** A request that carries nothing. Strict, so a stray field is reported rather than ignored. */
export const Empty = z.object({}).strict();

/** A problem found in a project file, pointing at the place a person must fix. */
export const Problem = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: z.number().int().min(1).optional(),
  column: z.number().int().min(1).optional(),
  /** Field path inside the file, e.g. `steps[2].actions[0].image`. */
  field: z.string().optional(),
  message: z.string(),
});
export type Problem = z.infer<typeof Problem>;

export const Id = z.string().min(1).max(200);

/**
 * A run id in a request: the one check every method that takes a run id shares, so none of them
 * can be handed a path (`../../tmp/x`) that would reach a journal outside the runs folder.
 */
export const RunId = Id.regex(runIdPattern, 'not a run id (letters, digits, `.`, `_` and `-`, never a path)');
