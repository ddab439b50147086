import type { ComponentType, ReactNode } from 'react';
import './empty-state.css';

export interface EmptyStateProps {
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  title: string;
  /** Says what to do next, not just that there is nothing. */
  children: ReactNode;
  action?: ReactNode;
  /** `compact` for inside a panel next to other content. */
  size?: 'regular' | 'compact';
}

export function EmptyState({ icon: Icon, title, children, action, size = 'regular' }: EmptyStateProps) {
  return (
    <div className={`empty-state empty-state-${size}`}>
      <div className="empty-state-icon">
        <Icon size={size === 'compact' ? 18 : 22} aria-hidden />
      </div>
      <p className="empty-state-title">{title}</p>
      <div className="empty-state-body">{children}</div>
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}
