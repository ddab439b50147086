import { ApiError } from '../../../shared/api/errors';
import type { ApiHandlers } from '../../../shared/api/handlers';
import type { RunEvent } from '../../../shared/runs/run-event';
import { toApiError } from '../run/run-api-errors';
import type { SecretsPort } from '../secrets/secrets-port';
import { recordLessons } from './record-lessons';
import { buildRunReport, knownSecretValues } from './run-report';

// `runs:report` and `runs:lessons` for the engine: the report rendered from the journal (with
// the lessons being edited, if any), and lessons recorded into a finished run's journal.

export interface ReportHandlerDeps {
  dataDir: string;
  secrets: SecretsPort;
  /** The operator's name from Settings ('' when unset): recorded with the lessons. */
  operatorName(): string;
  /** True while this app drives the run: its journal is not to be appended to from here. */
  isActive(runId: string): boolean;
  pushEvent(runId: string, event: RunEvent): void;
}

export function reportHandlers(deps: ReportHandlerDeps): Pick<ApiHandlers, 'runs:report' | 'runs:lessons'> {
  const report = async (runId: string, lessons?: string) => {
    const built = await buildRunReport(deps.dataDir, runId, {
      lessons,
      secrets: await knownSecretValues(deps.secrets),
    });
    return { markdown: built.markdown, open: built.open, lessons: built.recordedLessons };
  };
  return {
    'runs:report': async ({ runId, lessons }) => {
      try {
        return await report(runId, lessons);
      } catch (error) {
        throw toApiError(error);
      }
    },
    'runs:lessons': async ({ runId, text }) => {
      const by = deps.operatorName().trim();
      if (!by)
        throw new ApiError('invalid-request', 'set your name in Settings first: it is recorded with the lessons', {
          field: 'operatorName',
        });
      if (deps.isActive(runId))
        throw new ApiError('conflict', `run ${runId} is still running here: record lessons once it has ended`, {
          runId,
        });
      try {
        // Masked before it reaches the journal, like everything else a run records.
        const secrets = await knownSecretValues(deps.secrets);
        const event = await recordLessons(deps.dataDir, runId, { text, by }, secrets);
        deps.pushEvent(runId, event);
        return await report(runId);
      } catch (error) {
        throw toApiError(error);
      }
    },
  };
}
