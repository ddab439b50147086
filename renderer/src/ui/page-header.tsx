import type { ReactNode } from 'react';
import './page-header.css';

export interface PageHeaderProps {
  /** The screen's name; the <h1>, which navigation moves focus to. */
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header-text">
        {/* Focusable from script (not by Tab), so a screen change can announce the new screen. */}
        <h1 className="page-title" tabIndex={-1} data-page-title>
          {title}
        </h1>
        {description ? <p className="page-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}
