import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ReviewOutline, ReviewTick } from '../../../../shared/api/schemas/review';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/error-message';
import { useProjects } from '../projects/projects-store';
import type { ReviewTarget } from './review-route';

// One runbook's review per project: its outline (read from the project's files by the host) and
// the items pre-ticked on this machine. Kept per review, so going back to one is instant. Saves
// run one after another, each sending the whole list, so two quick ticks cannot overwrite each other.

export interface ReviewEntry {
  phase: 'loading' | 'ready' | 'failed';
  outline?: ReviewOutline;
  ticks: ReviewTick[];
  error?: string;
  /** The item whose change is being saved (`*` for several at once). */
  saving?: string;
  /** The last save that failed, shown where it was made. */
  saveError?: { item: string; message: string };
}

interface ReviewState {
  byKey: Record<string, ReviewEntry>;
  load(target: ReviewTarget): Promise<void>;
  /** Saves the whole list of ticks; resolves false (and records why) when the host refuses. */
  save(target: ReviewTarget, change: (ticks: ReviewTick[]) => ReviewTick[], item: string): Promise<boolean>;
}

export const keyOf = (target: ReviewTarget) => `${target.projectId}/${target.runbookId}`;

const empty: ReviewEntry = { phase: 'loading', ticks: [] };

export const reviewStore = createStore<ReviewState>()((set, get) => {
  const queues = new Map<string, Promise<unknown>>();
  const patch = (key: string, next: Partial<ReviewEntry>) =>
    set((state) => ({ byKey: { ...state.byKey, [key]: { ...(state.byKey[key] ?? empty), ...next } } }));
  return {
    byKey: {},
    async load(target) {
      const key = keyOf(target);
      const ref = { projectId: target.projectId, runbook: target.runbookId };
      patch(key, { phase: get().byKey[key]?.outline ? 'ready' : 'loading', error: undefined });
      try {
        const [outline, saved] = await Promise.all([api.reviews.outline(ref), api.reviews.get(ref)]);
        patch(key, { phase: 'ready', outline, ticks: saved.ticks });
      } catch (error) {
        patch(key, { phase: 'failed', error: errorMessage(error) });
      }
    },
    save(target, change, item) {
      const key = keyOf(target);
      const run = async (): Promise<boolean> => {
        const before = get().byKey[key]?.ticks ?? [];
        const ticks = change(before);
        // Shown at once; put back as it was if the host refuses.
        patch(key, { ticks, saving: item, saveError: undefined });
        try {
          const saved = await api.reviews.save({ projectId: target.projectId, runbook: target.runbookId, ticks });
          patch(key, { ticks: saved.ticks, saving: undefined });
          return true;
        } catch (error) {
          patch(key, { ticks: before, saving: undefined, saveError: { item, message: errorMessage(error) } });
          return false;
        }
      };
      const next = (queues.get(key) ?? Promise.resolve()).then(run, run);
      queues.set(key, next);
      return next;
    },
  };
});

/** The review of `target`, loaded when first shown (and again when the target changes). */
export function useReview(target: ReviewTarget): ReviewEntry {
  const key = keyOf(target);
  const { projectId, runbookId } = target;
  // The host pushes a new project summary when the project's files change: read the runbook again.
  const summary = useProjects((state) => state.projects.find((project) => project.id === projectId));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `summary` is the trigger, not an input
  useEffect(() => {
    void reviewStore.getState().load({ projectId, runbookId });
  }, [projectId, runbookId, summary]);
  return useStore(reviewStore, (state) => state.byKey[key] ?? empty);
}
