import type { ReactNode } from 'react';
import { AlertTriangle, CircleAlert, CircleCheck, Info } from './icons';
import './banner.css';

export interface BannerProps {
  tone: 'info' | 'success' | 'warning' | 'danger';
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  /** `alert` interrupts a screen reader; keep it for things that stop work. */
  role?: 'status' | 'alert';
}

const icons = { info: Info, success: CircleCheck, warning: AlertTriangle, danger: CircleAlert };

export function Banner({ tone, title, children, actions, role = 'status' }: BannerProps) {
  const Icon = icons[tone];
  return (
    <div className={`banner banner-${tone}`} role={role}>
      <Icon size={16} aria-hidden className="banner-icon" />
      <div className="banner-text">
        {title ? <p className="banner-title">{title}</p> : null}
        {children ? <div className="banner-body">{children}</div> : null}
      </div>
      {actions ? <div className="banner-actions">{actions}</div> : null}
    </div>
  );
}
