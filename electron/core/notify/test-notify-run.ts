import { join } from 'node:path';
import { NotificationsFile } from '../../../shared/formats/notifications-schema';
import type { RunEventData, RunEventType } from '../../../shared/runs/run-events';
import { emptyRunState } from '../../../shared/runs/run-state';
import { readJournal, verifyJournal } from '../journal/journal-reader';
import { openJournal } from '../journal/journal-writer';
import { createRunRecorder } from '../run/run-recorder';
import { envSecrets } from '../secrets/env-secrets';
import { recordingLogger } from '../test-support/recording-logger';
import { createNotifier, type NotifierOptions } from './notifier';
import { type Answer, type Receiver, startReceiver } from './test-receiver';

// For the notifier's tests: the notifier wired as the coordinator wires it (a real journal, the
// run recorder, its listener and its emit), a run to play through it, and receivers to close.

export const started: RunEventData['run.started'] = {
  runId: 'run-1',
  project: 'shop',
  projectPath: '/srv/shop',
  runbook: 'default',
  runbookTitle: 'Standard deployment',
  environment: 'production',
  protected: true,
  version: 'v2.0.0',
  operator: { by: 'Ada' },
  roles: { 'qa-lead': 'QA lead' },
  steps: [
    {
      id: 'deploy',
      title: 'Deploy',
      owner: 'ops',
      actions: [{ key: 'deploy/0', type: 'deploy', title: 'Switch traffic' }],
      items: [],
      approvals: ['qa-lead'],
    },
  ],
  exitCriteria: [],
  rollback: { id: '@rollback', title: 'Rollback', owner: 'ops', actions: [], items: [], approvals: [] },
};

export type Entry = { [T in RunEventType]: [T, RunEventData[T]] }[RunEventType];

export const rolledBackRun: Entry[] = [
  ['run.started', started],
  ['version.resolved', { version: 'v2.0.0', previousVersion: 'v1.9.0' }],
  ['step.started', { step: 'deploy' }],
  ['step.waiting', { step: 'deploy', items: [], approvals: ['qa-lead'] }],
  ['approval.granted', { step: 'deploy', role: 'qa-lead', by: 'Grace' }],
  ['step.started', { step: 'deploy' }],
  [
    'action.started',
    { step: 'deploy', action: 'deploy/0', type: 'deploy', title: 'Switch traffic', attempt: 1, plan: {} },
  ],
  [
    'action.failed',
    {
      step: 'deploy',
      action: 'deploy/0',
      durationMs: 5,
      attempt: 1,
      error: { code: 'health', message: 'answered 503' },
      tail: [],
    },
  ],
  ['step.failed', { step: 'deploy', error: { code: 'health', message: 'answered 503' } }],
  ['rollback.started', { reason: 'step deploy failed', trigger: 'policy' }],
  ['rollback.finished', { ok: true }],
  ['run.finished', { status: 'rolled-back', reason: 'rolled back after step deploy failed' }],
];

export async function runWith(
  dir: string,
  config: unknown,
  options: Partial<NotifierOptions> = {},
  env: Record<string, string> = {},
) {
  const journal = await openJournal(dir, { create: true });
  const recorder = createRunRecorder(journal, emptyRunState('run-1'));
  const { logger, lines } = recordingLogger();
  const notifier = createNotifier({
    config: NotificationsFile.parse(config),
    secrets: envSecrets(env),
    emit: recorder.emit,
    logger,
    ...options,
  });
  recorder.listen((event, state) => notifier.listen(event, state));
  const play = async (entries: Entry[]) => {
    for (const [type, data] of entries) await recorder.emit(type, data as never);
  };
  const journaled = async () => {
    await journal.close();
    const file = join(dir, 'journal.ndjson');
    const verdict = await verifyJournal(file);
    if (!verdict.ok) throw new Error(`journal chain broken: ${verdict.message}`);
    return (await readJournal(file)).events;
  };
  return { notifier, recorder, play, journaled, lines };
}

/** Real HTTP receivers on 127.0.0.1, all closed by `closeAll` (call it in afterEach). */
export function receiverPool() {
  const open: Receiver[] = [];
  return {
    async receiver(answer?: (r: { path: string }) => Answer): Promise<Receiver> {
      const started = await startReceiver(answer);
      open.push(started);
      return started;
    },
    closeAll: () => Promise.all(open.splice(0).map((r) => r.close())),
  };
}
