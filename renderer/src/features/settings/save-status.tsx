import { CircleAlert, CircleCheck } from '../../ui/icons';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** Beside the Save button: saved, failed (with why), or unsaved changes. Announced politely. */
export function SaveStatus({ state, dirty }: { state: SaveState; dirty: boolean }) {
  let content = null;
  if (state.kind === 'saved' && !dirty) {
    content = (
      <span className="save-status save-status-saved">
        <CircleCheck size={14} aria-hidden /> Saved
      </span>
    );
  } else if (state.kind === 'failed') {
    content = (
      <span className="save-status save-status-failed">
        <CircleAlert size={14} aria-hidden /> Not saved: {state.message} Your changes are kept; try again.
      </span>
    );
  } else if (dirty) {
    content = <span className="save-status">Unsaved changes</span>;
  }
  return (
    <div className="save-status-region" role="status">
      {content}
    </div>
  );
}
