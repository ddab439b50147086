import { type ComponentType, type KeyboardEvent, type ReactNode, useId } from 'react';
import { Regex } from './log-icons';
import './query-field.css';

export interface QueryFieldProps {
  /** The accessible name of the text box. */
  label: string;
  /** The accessible name of the regex toggle, e.g. "Filter by regular expression". */
  regexLabel: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean; className?: string }>;
  placeholder: string;
  /** Tooltip of the text box (keys it answers to). */
  hint?: string;
  value: string;
  regex: boolean;
  error?: string;
  onChange(value: string): void;
  onRegexChange(regex: boolean): void;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  /** Controls after the regex toggle (search's previous / next). */
  trailing?: ReactNode;
  /** Shown at the right inside the box (search's "3 of 120"). */
  status?: ReactNode;
}

/** A text box with a regex toggle; an invalid expression is explained under it, not thrown. */
export function QueryField(props: QueryFieldProps) {
  const { label, icon: Icon, value, regex, error } = props;
  const errorId = useId();
  return (
    <div className="log-query">
      <div className={`log-query-box${error ? ' log-query-box-invalid' : ''}`}>
        <Icon size={14} aria-hidden className="log-query-icon" />
        <input
          type="search"
          className="log-query-input"
          aria-label={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          placeholder={props.placeholder}
          title={props.hint}
          value={value}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => props.onChange(event.target.value)}
          onKeyDown={props.onKeyDown}
        />
        {props.status ? <span className="log-query-status">{props.status}</span> : null}
        <button
          type="button"
          className="log-toggle"
          aria-pressed={regex}
          aria-label={props.regexLabel}
          title="Regular expression"
          onClick={() => props.onRegexChange(!regex)}
        >
          <Regex size={14} aria-hidden />
        </button>
        {props.trailing}
      </div>
      {error ? (
        <p id={errorId} className="log-query-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
