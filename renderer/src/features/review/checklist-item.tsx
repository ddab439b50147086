import { useId } from 'react';
import type { OutlineItem, ReviewTick } from '../../../../shared/api/schemas/review';
import { formatDateTime } from '../../lib/format-time';
import { IconButton } from '../../ui/button';
import { StatusBadge } from '../../ui/status-badge';
import type { SignOff } from './review-draft';
import { Pencil, Zap } from './review-icons';
import { SignOffForm } from './sign-off-form';

// One checklist item: a checkbox a person can pre-tick (opening the sign-off form), or a line
// that says why it cannot be (the run checks it itself, or it belongs to a rollback).

export type ItemKind = 'manual' | 'automatic' | 'rollback';

export interface ChecklistItemProps {
  item: OutlineItem;
  kind: ItemKind;
  tick?: ReviewTick;
  roles: Record<string, string>;
  /** The open sign-off form, if any. */
  form?: SignOff;
  saving: boolean;
  error?: string;
  onOpen(): void;
  onFormChange(form: SignOff): void;
  onSubmit(): void;
  onCancel(): void;
  onRemove(): void;
}

function signedLine(tick: ReviewTick, roles: Record<string, string>): string {
  const role = tick.role ? ` (${roles[tick.role] ?? tick.role})` : '';
  const note = tick.note ? ` · “${tick.note}”` : '';
  return `Pre-ticked by ${tick.by}${role} · ${formatDateTime(tick.at)}${note}`;
}

export function ChecklistItem(props: ChecklistItemProps) {
  const { item, kind, tick, roles, form, saving, error } = props;
  const id = useId();
  const formId = `${id}-form`;
  const detailId = `${id}-detail`;
  const toggle = () => {
    if (tick) props.onRemove();
    else if (form) props.onCancel();
    else props.onOpen();
  };
  return (
    <li
      className={`review-item${tick ? ' is-ticked' : ''}${kind !== 'manual' ? ' is-locked' : ''}`}
      data-item={item.key}
    >
      <div className="review-item-row">
        <input
          id={id}
          type="checkbox"
          className="review-check"
          checked={Boolean(tick)}
          disabled={kind !== 'manual' || (saving && !form)}
          aria-describedby={detailId}
          aria-expanded={kind === 'manual' && !tick ? Boolean(form) : undefined}
          aria-controls={form ? formId : undefined}
          onChange={toggle}
        />
        <label htmlFor={id} className="review-item-text">
          {item.text}
        </label>
        <span className="review-item-badges">
          {item.before ? (
            <StatusBadge tone="info" title="Must be ticked before the step’s actions start">
              Before actions
            </StatusBadge>
          ) : null}
          {kind === 'automatic' ? (
            <StatusBadge tone="accent" icon={<Zap size={12} aria-hidden />}>
              Automatic
            </StatusBadge>
          ) : null}
          {tick && !form ? (
            <IconButton icon={Pencil} label={`Edit the pre-tick of “${item.text}”`} onClick={props.onOpen} />
          ) : null}
        </span>
      </div>
      <p id={detailId} className="review-item-detail">
        {kind === 'automatic'
          ? `Checked by the run: ${item.check}`
          : kind === 'rollback'
            ? 'Ticked during a rollback, if the run rolls back.'
            : tick
              ? signedLine(tick, roles)
              : 'Not pre-ticked: it will be asked for during the run.'}
      </p>
      {error && !form ? (
        <p className="sign-off-error" role="alert">
          Not saved: {error}
        </p>
      ) : null}
      {form ? (
        <div id={formId}>
          <SignOffForm
            itemText={item.text}
            value={form}
            roles={roles}
            saving={saving}
            error={error}
            editing={Boolean(tick)}
            onChange={props.onFormChange}
            onSubmit={props.onSubmit}
            onCancel={props.onCancel}
          />
        </div>
      ) : null}
    </li>
  );
}
