import type { Settings, SettingsPatch } from '../../../../shared/api/schemas/settings';

// Who signs the demo's checklists. A newcomer has no name in Settings yet, and the start dialog
// refuses a run without one; the demo card asks for it first, so the first click leads to a run.

export interface OperatorDraft {
  name: string;
  role: string;
}

export type OperatorErrors = Partial<Record<keyof OperatorDraft, string>>;

export const defaultRole = 'Release Manager';

export const emptyOperatorDraft: OperatorDraft = { name: '', role: defaultRole };

/** The host's limit (shared/api/schemas/settings.ts), checked here so the error is inline. */
const maxLength = 120;

export function isOperatorDraft(value: unknown): value is OperatorDraft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.role === 'string';
}

/** The card asks only while Settings are known and hold no name (a name of spaces is none). */
export function needsOperator(settings: Settings | undefined): boolean {
  return settings !== undefined && settings.operatorName.trim() === '';
}

export function validateOperator(draft: OperatorDraft): OperatorErrors {
  const errors: OperatorErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Enter your name to try the demo.';
  else if (name.length > maxLength) errors.name = `Keep the name to ${maxLength} characters or fewer.`;
  if (draft.role.trim().length > maxLength) errors.role = `Keep the role to ${maxLength} characters or fewer.`;
  return errors;
}

/** Trimmed (a stray space would be on every sign-off); a role left empty is the default one. */
export function operatorPatch(draft: OperatorDraft): SettingsPatch {
  return { operatorName: draft.name.trim(), operatorRole: draft.role.trim() || defaultRole };
}

/** "Ada Lovelace (Release Manager)", or the name alone when no role is set. */
export function signerLabel(settings: Pick<Settings, 'operatorName' | 'operatorRole'>): string {
  const name = settings.operatorName.trim();
  const role = settings.operatorRole.trim();
  return role ? `${name} (${role})` : name;
}
