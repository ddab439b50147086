import { type RefObject, useRef, useState } from 'react';
import { errorMessage } from '../../lib/error-message';
import { useSessionDraft } from '../../lib/use-session-draft';
import { useSettings } from '../settings/settings-store';
import {
  emptyOperatorDraft,
  isOperatorDraft,
  needsOperator,
  type OperatorDraft,
  type OperatorErrors,
  operatorPatch,
  validateOperator,
} from './demo-operator';

export interface DemoOperator {
  /** Settings hold no name: the card shows the two fields. */
  needed: boolean;
  values: OperatorDraft;
  errors: OperatorErrors;
  /** Why the last save failed; what was typed is kept. */
  failure?: string;
  saving: boolean;
  nameInput: RefObject<HTMLInputElement | null>;
  change(field: keyof OperatorDraft, value: string): void;
  /** Saves the name when it is needed; true when the demo may go on. Never throws. */
  ensure(): Promise<boolean>;
}

/** The name and role typed on the demo card, kept as a session draft until Settings hold them. */
export function useDemoOperator(): DemoOperator {
  const settings = useSettings((state) => state.settings);
  const save = useSettings((state) => state.save);
  const { draft, update, discard } = useSessionDraft('demo-operator', isOperatorDraft);
  const values = draft ?? emptyOperatorDraft;
  const [errors, setErrors] = useState<OperatorErrors>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const needed = needsOperator(settings);

  const change = (field: keyof OperatorDraft, value: string) => {
    update({ ...values, [field]: value });
    setErrors((current) => ({ ...current, [field]: undefined }));
    setFailure(undefined);
  };

  const ensure = async () => {
    if (!needed) return true;
    const found = validateOperator(values);
    setErrors(found);
    if (Object.keys(found).length) {
      if (found.name) nameInput.current?.focus();
      return false;
    }
    setSaving(true);
    try {
      await save(operatorPatch(values));
      discard();
      return true;
    } catch (error) {
      // The draft stays in sessionStorage: a retry (or a reload) still has what was typed.
      setFailure(errorMessage(error));
      return false;
    } finally {
      setSaving(false);
    }
  };

  return { needed, values, errors, failure, saving, nameInput, change, ensure };
}
