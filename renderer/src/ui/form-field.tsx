import { type ReactNode, useId } from 'react';
import { CircleAlert } from './icons';
import './form-field.css';

/** What a field hands its control so label, hint and error are wired up for assistive tech. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FormFieldProps {
  label: string;
  hint?: ReactNode;
  /** Shown under the control, announced when it appears, and marks the control invalid. */
  error?: string;
  /** Content beside the control on the same row (e.g. the submit button). */
  trailing?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}

export function FormField({ label, hint, error, trailing, children }: FormFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="field-row">
        <div className="field-control">
          {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
        </div>
        {trailing}
      </div>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          <CircleAlert size={14} aria-hidden />
          <span>{error}</span>
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
