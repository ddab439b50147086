// The one wording of "this run could not give its deploy lock back", shared by the terminal, the
// report, the run lists and the app, so every surface says the same thing about the same journal.

export interface LockLeft {
  where: string;
  error: string;
}

export function lockLeftText(left: LockLeft): string {
  return `lock still held at ${left.where} (could not release: ${left.error})`;
}
