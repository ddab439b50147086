import type { ComponentType } from 'react';
import type { LogSourceKind } from '../../../../shared/api/schemas/log-sources';
import { Container, FileText, NotebookText } from './log-source-icons';

const kinds: Array<{ kind: LogSourceKind; label: string; detail: string; icon: ComponentType<{ size?: number }> }> = [
  { kind: 'container', label: 'Container', detail: 'docker logs -f', icon: Container },
  { kind: 'file', label: 'File', detail: 'tail -F over SSH', icon: FileText },
  { kind: 'journal', label: 'Journal', detail: 'journalctl -f -u', icon: NotebookText },
];

/** Radio buttons drawn as cards: arrow keys move between them, as in any radio group. */
export function SourceKindPicker({ value, onChange }: { value: LogSourceKind; onChange(kind: LogSourceKind): void }) {
  return (
    <fieldset className="source-kinds">
      <legend>Source</legend>
      {kinds.map(({ kind, label, detail, icon: Icon }) => (
        <label key={kind} className={`source-kind${value === kind ? ' source-kind-on' : ''}`}>
          <input
            type="radio"
            name="log-source-kind"
            value={kind}
            checked={value === kind}
            onChange={() => onChange(kind)}
          />
          <Icon size={16} aria-hidden />
          <span className="source-kind-text">
            <span className="source-kind-label">{label}</span>
            <span className="source-kind-detail">{detail}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
