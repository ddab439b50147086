import { createInterface, type Interface } from 'node:readline/promises';
import type { SignerRecord } from '../../../shared/runs/run-events';
import type { FailureAnswer, RunDecider } from '../../core/run/run-decider';

// Decisions asked on the terminal, one question at a time. Empty answers take the default shown in
// brackets; an end of input (Ctrl-D) answers "no one can answer", which stops the run cleanly.

const choices: Record<string, FailureAnswer['decision']> = { r: 'retry', s: 'skip', b: 'rollback', a: 'abort' };

export function promptDecider(operator: SignerRecord, input = process.stdin, output = process.stderr): RunDecider {
  let rl: Interface | undefined;
  let closed = false;
  // A question the run stopped waiting for (cancelled, a rollback rule fired) is taken off the
  // terminal, so what is typed next answers the rollback's own questions, not the stale one.
  const ask = async (question: string, signal?: AbortSignal): Promise<string | null> => {
    if (closed || signal?.aborted) return null;
    rl ??= createInterface({ input, output, terminal: true });
    rl.once('close', () => {
      closed = true;
    });
    try {
      return (await rl.question(question, { signal })).trim();
    } catch {
      if (signal?.aborted) output.write('\n    (no longer asked)\n');
      return null;
    }
  };
  const yes = async (question: string, signal?: AbortSignal): Promise<boolean | null> => {
    const answer = await ask(`${question} [y/N] `, signal);
    return answer === null ? null : /^y(es)?$/i.test(answer);
  };
  return {
    async tick(request, signal) {
      const note = request.checkFailed ? ` (automatic check failed: ${request.checkFailed})` : '';
      const ok = await yes(
        `  ☐ ${request.text}${note}\n    ${request.checklist}${request.gate ? ` · gate ${request.gate}` : ''} — tick as ${operator.by}?`,
        signal,
      );
      if (!ok) return null;
      const text = await ask('    note (optional): ', signal);
      return { ...operator, note: text || undefined };
    },
    async approve({ role, roleTitle, refused }, signal) {
      if (refused) output.write(`    ✗ refused: ${refused}\n`);
      const by = await ask(
        `  Approval needed from ${roleTitle} (${role}). Approver's name (empty = no approval): `,
        signal,
      );
      if (!by) return null;
      return { by, role, note: (await ask('    note (optional): ', signal)) || undefined };
    },
    async onFailure(_request, signal) {
      // The failure and its output are already on screen (the run printer shows them).
      for (;;) {
        const answer = await ask('  [r]etry, [s]kip with a reason, roll [b]ack, or [a]bort? ', signal);
        if (answer === null) return null;
        const decision = choices[answer.toLowerCase().slice(0, 1)];
        if (!decision) continue;
        if (decision !== 'skip') return { decision, by: operator.by };
        const reason = await ask('    why may it be skipped? ', signal);
        if (reason === null) return null;
        if (reason) return { decision, reason, by: operator.by };
      }
    },
    async confirm({ environment, refused }, signal) {
      if (refused) output.write(`    ✗ refused: ${refused}\n`);
      const text = await ask(`  ${environment} is protected. Type its name to deploy: `, signal);
      return text === null ? null : { text, by: operator.by };
    },
    async manual({ action, instructions }, signal) {
      output.write(`\n  ▷ ${action}: ${instructions}\n`);
      const ok = await yes('    done — continue?', signal);
      return ok ? operator : null;
    },
    async breakLock(holder, signal) {
      const ok = await yes(
        `  ${holder.where} is locked by ${holder.holder} (run ${holder.runId}, since ${holder.at})${holder.stale ? ', stale' : ''}. Break the lock?`,
        signal,
      );
      if (!ok) return null;
      const reason = await ask('    why? ', signal);
      return reason ? { by: operator.by, reason } : null;
    },
  };
}

/** Closes the prompt's terminal handle so the process can exit. */
export function closePrompt(): void {
  process.stdin.pause();
}
