import type { ReviewTick } from '../../../../shared/api/schemas/review';

// The sign-off forms a person has open, by item, as typed: kept in the session draft so a failed
// save or a reload loses nothing. Cleared per item once its pre-tick is saved or the form closed.

export interface SignOff {
  by: string;
  role: string;
  note: string;
}

export type OpenForms = Record<string, SignOff>;

const isSignOff = (value: unknown): value is SignOff => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.by === 'string' && typeof record.role === 'string' && typeof record.note === 'string';
};

export function isOpenForms(value: unknown): value is OpenForms {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isSignOff);
}

export function draftName(projectId: string, runbookId: string): string {
  return `review.${projectId}.${runbookId}`;
}

/** The form's contents as a tick: trimmed, with empty role and note left out. */
export function tickOf(item: string, form: SignOff, at: string): ReviewTick {
  const role = form.role.trim();
  const note = form.note.trim();
  return { item, by: form.by.trim(), ...(role ? { role } : {}), ...(note ? { note } : {}), at };
}

/** The form for an existing tick (editing it), or a new one signed as the person in Settings. */
export function formFor(tick: ReviewTick | undefined, signer: { name: string; role: string }): SignOff {
  if (tick) return { by: tick.by, role: tick.role ?? '', note: tick.note ?? '' };
  return { by: signer.name, role: signer.role, note: '' };
}

/** Puts a tick in place of the item's old one (same position), or at the end. */
export function withTick(ticks: readonly ReviewTick[], tick: ReviewTick): ReviewTick[] {
  const index = ticks.findIndex((t) => t.item === tick.item);
  if (index < 0) return [...ticks, tick];
  return ticks.map((t, i) => (i === index ? tick : t));
}

export function withoutTick(ticks: readonly ReviewTick[], item: string): ReviewTick[] {
  return ticks.filter((t) => t.item !== item);
}
