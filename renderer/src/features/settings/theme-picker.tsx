import { useId } from 'react';
import type { Theme } from '../../../../shared/api/schemas/settings';
import { Monitor, Moon, Sun } from '../../ui/icons';

const options = [
  { value: 'system', label: 'System', hint: 'Follows your OS', icon: Monitor },
  { value: 'light', label: 'Light', hint: 'Always light', icon: Sun },
  { value: 'dark', label: 'Dark', hint: 'Always dark', icon: Moon },
] as const;

/** Three radio buttons styled as cards; arrow keys move between them as in any radio group. */
export function ThemePicker({ value, onChange }: { value: Theme; onChange: (theme: Theme) => void }) {
  const id = useId();
  return (
    <fieldset className="theme-picker">
      <legend className="field-label">Theme</legend>
      <div className="theme-options">
        {options.map(({ value: option, label, hint, icon: Icon }) => (
          <label key={option} className="theme-option">
            <input
              type="radio"
              name="theme"
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
              aria-describedby={`${id}-${option}`}
            />
            <Icon size={16} aria-hidden />
            <span className="theme-option-text">
              <span className="theme-option-label">{label}</span>
              <span className="theme-option-hint" id={`${id}-${option}`}>
                {hint}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
