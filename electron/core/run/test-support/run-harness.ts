import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answers } from '../../../../shared/formats/answers-schema';
import { Answers as AnswersSchema } from '../../../../shared/formats/answers-schema';
import type { RunEvent } from '../../../../shared/runs/run-event';
import type { EndStatus } from '../../../../shared/runs/run-events';
import { silentLogger } from '../../logging/logger';
import { envSecrets } from '../../secrets/env-secrets';
import { answersDecider } from '../answers-decider';
import type { RunDecider } from '../run-decider';
import type { PreTick } from '../run-driver';
import { type RunHandle, startRun } from '../run-launcher';

// Runs the real executor against a lab project and keeps everything a test wants to look at:
// the events as they were emitted, the output lines, and the files on disk afterwards.

export interface HarnessRun {
  handle: RunHandle;
  runDir: string;
  status: EndStatus;
  events: RunEvent[];
  output: Array<{ source: string; stream: string; line: string }>;
  journalText: string;
  logsText: string;
  types(): string[];
  find(type: string): RunEvent[];
}

export function answers(partial: Partial<Answers> & { operator?: Answers['operator'] }): Answers {
  return AnswersSchema.parse({ operator: { name: 'Ada Lovelace', role: 'devops' }, ...partial });
}

export async function runInLab(options: {
  projectRoot: string;
  dataDir: string;
  environment: string;
  version: string;
  decider?: RunDecider;
  answers?: Answers;
  env?: NodeJS.ProcessEnv;
  strategy?: string;
  windowOverride?: string;
  preTicks?: PreTick[];
  now?: () => Date;
  onStart?: (handle: RunHandle) => void;
}): Promise<HarnessRun> {
  const events: RunEvent[] = [];
  const output: HarnessRun['output'] = [];
  const given = options.answers ?? answers({});
  const handle = await startRun(
    {
      projectRoot: options.projectRoot,
      environment: options.environment,
      version: options.version,
      strategy: options.strategy,
      windowOverride: options.windowOverride,
      preTicks: options.preTicks,
      operator: { by: given.operator.name, role: given.operator.role },
      decider: options.decider ?? answersDecider(given),
    },
    {
      dataDir: options.dataDir,
      logger: silentLogger,
      secrets: envSecrets(options.env ?? process.env),
      now: options.now,
      onEvent: (event) => events.push(event),
      onOutput: (source, stream, line) => output.push({ source, stream, line }),
    },
  );
  options.onStart?.(handle);
  const status = await handle.done;
  const dir = join(options.dataDir, 'runs', handle.runId);
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch {
      return '';
    }
  };
  return {
    handle,
    runDir: dir,
    status,
    events,
    output,
    journalText: read('journal.ndjson'),
    logsText: read('logs.ndjson'),
    types: () => events.map((e) => e.type),
    find: (type) => events.filter((e) => e.type === type),
  };
}
