import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { promptDecider } from './prompt-decider';

// The terminal prompt when the run stops waiting for an answer (a rollback rule fired while the
// operator was being asked): the stale question leaves the terminal, and what is typed next goes
// to the rollback's own question.

const item = (text: string) => ({ step: 'verify', item: `verify.${text}`, text, checklist: 'Verify' });

describe('promptDecider', () => {
  it('withdraws a question whose signal aborts; the next line answers the next question', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => {
      shown += chunk.toString();
    });
    const decider = promptDecider({ by: 'Ada Lovelace', role: 'devops' }, input as never, output as never);

    const moot = new AbortController();
    const stale = decider.tick(item('dashboards'), moot.signal);
    moot.abort(new Error('alert "RollbackOnErrorRate" fired'));
    expect(await stale).toBeNull();

    const next = decider.tick(item('previous-running'));
    input.write('y\n');
    // Lines typed before a question is on screen are not its answer: wait for the note's prompt.
    while (!shown.includes('note (optional)')) await new Promise((resolve) => setTimeout(resolve, 10));
    input.write('back on v1\n');
    expect(await next).toEqual({ by: 'Ada Lovelace', role: 'devops', note: 'back on v1' });
    expect(shown).toContain('no longer asked');
    input.end();
  });

  it('does not ask at all when the run already stopped waiting', async () => {
    const input = new PassThrough();
    const decider = promptDecider({ by: 'Ada Lovelace' }, input as never, new PassThrough() as never);
    const stopped = new AbortController();
    stopped.abort();
    expect(
      await decider.onFailure(
        { step: 's', action: 's.1', title: 't', error: { code: 'x', message: 'x' }, attempt: 1, tail: [] },
        stopped.signal,
      ),
    ).toBeNull();
    input.end();
  });
});
