// One guard a start applies before anything runs, as a preview or dry run reports it: passed,
// would refuse (with the reason the start would give), or cannot tell (the target did not answer).

export type StartGuardOutcome = 'passed' | 'refused' | 'unknown';

export interface StartGuard {
  /** `requires staging`, `deployment window`, `deploy lock`. */
  guard: string;
  outcome: StartGuardOutcome;
  detail: string;
  /**
   * What can still let the run start despite a refusal: a window override (a written reason from an
   * override role), or breaking a stale lock by an explicit, journaled decision.
   */
  lift?: 'window-override' | 'break-lock';
}

/** Guards that refuse and that nothing but fixing the cause can lift: Start stays off. */
export function blockingGuards(guards: readonly StartGuard[]): StartGuard[] {
  return guards.filter((g) => g.outcome === 'refused' && !g.lift);
}
