import type { ReactNode } from 'react';
import './status-badge.css';

export type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';

export interface StatusBadgeProps {
  tone?: Tone;
  /** A leading dot, for states (running, failed) rather than labels (protected). */
  dot?: boolean;
  icon?: ReactNode;
  title?: string;
  children: ReactNode;
}

/** A small pill. The text always carries the meaning; colour only reinforces it. */
export function StatusBadge({ tone = 'neutral', dot = false, icon, title, children }: StatusBadgeProps) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {dot ? <span className="badge-dot" aria-hidden /> : null}
      {icon}
      {children}
    </span>
  );
}
