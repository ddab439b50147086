import { useCallback, useRef } from 'react';
import type { OutlineItem, ReviewOutline, ReviewTick } from '../../../../shared/api/schemas/review';
import { useSessionDraft } from '../../lib/use-session-draft';
import { useSettings } from '../settings/settings-store';
import { ChecklistItem, type ItemKind } from './checklist-item';
import {
  draftName,
  formFor,
  isOpenForms,
  type OpenForms,
  type SignOff,
  tickOf,
  withoutTick,
  withTick,
} from './review-draft';
import type { ReviewTarget } from './review-route';
import { type ReviewEntry, reviewStore } from './review-store';
import type { RenderItem } from './step-section';

// Wires each checklist item to the review: its tick, its open sign-off form (kept in the session
// draft until saved), and the saves. Focus returns to the item's checkbox when its form closes.

function focusCheckbox(item: string) {
  window.requestAnimationFrame(() => {
    document.querySelector<HTMLInputElement>(`[data-item="${CSS.escape(item)}"] input[type="checkbox"]`)?.focus();
  });
}

export function useItemRenderer(
  target: ReviewTarget,
  entry: ReviewEntry,
  outline: ReviewOutline | undefined,
): RenderItem {
  const { draft, update } = useSessionDraft(draftName(target.projectId, target.runbookId), isOpenForms);
  const forms: OpenForms = draft ?? {};
  const signerName = useSettings((state) => state.settings?.operatorName ?? '');
  const signerRole = useSettings((state) => state.settings?.operatorRole ?? '');
  // A save resolves after other forms may have changed: always edit the latest drafts.
  const latest = useRef(forms);
  latest.current = forms;

  const setForm = useCallback(
    (item: string, form: SignOff | undefined) => {
      const { [item]: _, ...rest } = latest.current;
      latest.current = form ? { ...rest, [item]: form } : rest;
      update(latest.current);
    },
    [update],
  );

  return (item: OutlineItem, kind: ItemKind) => {
    const tick: ReviewTick | undefined = entry.ticks.find((t) => t.item === item.key);
    const form = forms[item.key];
    const save = async (change: (ticks: ReviewTick[]) => ReviewTick[]) =>
      reviewStore.getState().save(target, change, item.key);
    return (
      <ChecklistItem
        key={item.key}
        item={item}
        kind={kind}
        tick={tick}
        roles={outline?.roles ?? {}}
        form={form}
        saving={entry.saving === item.key || entry.saving === '*'}
        error={entry.saveError?.item === item.key ? entry.saveError.message : undefined}
        onOpen={() => setForm(item.key, formFor(tick, { name: signerName, role: signerRole }))}
        onFormChange={(next) => setForm(item.key, next)}
        onCancel={() => {
          setForm(item.key, undefined);
          focusCheckbox(item.key);
        }}
        onSubmit={async () => {
          if (!form) return;
          const next = tickOf(item.key, form, new Date().toISOString());
          if (await save((ticks) => withTick(ticks, next))) {
            setForm(item.key, undefined);
            focusCheckbox(item.key);
          }
        }}
        onRemove={() => void save((ticks) => withoutTick(ticks, item.key))}
      />
    );
  };
}
