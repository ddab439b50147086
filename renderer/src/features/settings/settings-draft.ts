import type { Settings, SettingsPatch, Theme } from '../../../../shared/api/schemas/settings';

// The editable part of the settings as the form holds it. Kept as a session draft until saved,
// so a failed save or a reload keeps what the person typed.

export interface SettingsDraft {
  operatorName: string;
  operatorRole: string;
  theme: Theme;
}

export type DraftErrors = Partial<Record<keyof SettingsDraft, string>>;

/** The host's limit (shared/api/schemas/settings.ts); checked here too so the error is inline. */
export const maxTextLength = 120;

const themes: readonly string[] = ['system', 'light', 'dark'];

export function isSettingsDraft(value: unknown): value is SettingsDraft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.operatorName === 'string' &&
    typeof v.operatorRole === 'string' &&
    typeof v.theme === 'string' &&
    themes.includes(v.theme)
  );
}

export function draftFrom(settings: Settings): SettingsDraft {
  return { operatorName: settings.operatorName, operatorRole: settings.operatorRole, theme: settings.theme };
}

/** Names are trimmed: a stray space would otherwise be recorded on every sign-off. */
export function normalizeDraft(draft: SettingsDraft): SettingsDraft {
  return { ...draft, operatorName: draft.operatorName.trim(), operatorRole: draft.operatorRole.trim() };
}

export function validateDraft(draft: SettingsDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.operatorName.trim().length > maxTextLength) {
    errors.operatorName = `Keep the name to ${maxTextLength} characters or fewer.`;
  }
  if (draft.operatorRole.trim().length > maxTextLength) {
    errors.operatorRole = `Keep the role to ${maxTextLength} characters or fewer.`;
  }
  return errors;
}

/** Only the fields that differ from what is saved: a save never overwrites another window's change to a field left alone. */
export function patchFrom(draft: SettingsDraft, saved: Settings): SettingsPatch {
  const next = normalizeDraft(draft);
  const patch: SettingsPatch = {};
  if (next.operatorName !== saved.operatorName) patch.operatorName = next.operatorName;
  if (next.operatorRole !== saved.operatorRole) patch.operatorRole = next.operatorRole;
  if (next.theme !== saved.theme) patch.theme = next.theme;
  return patch;
}

export function hasChanges(draft: SettingsDraft, saved: Settings): boolean {
  return Object.keys(patchFrom(draft, saved)).length > 0;
}
