import { type ReactNode, useId } from 'react';
import './panel.css';

export interface PanelProps {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons at the right of the title row. */
  actions?: ReactNode;
  /** `flush` lets a table run to the panel's edges. */
  body?: 'padded' | 'flush';
  className?: string;
  children?: ReactNode;
}

/** A bordered surface with an optional titled header: the card of every screen. */
export function Panel({ title, description, actions, body = 'padded', className, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className={['panel', className].filter(Boolean).join(' ')} aria-labelledby={title ? headingId : undefined}>
      {title || actions ? (
        <header className="panel-header">
          <div className="panel-heading">
            {title ? (
              <h2 id={headingId} className="panel-title">
                {title}
              </h2>
            ) : null}
            {description ? <p className="panel-description">{description}</p> : null}
          </div>
          {actions ? <div className="panel-actions">{actions}</div> : null}
        </header>
      ) : null}
      <div className={`panel-body panel-body-${body}`}>{children}</div>
    </section>
  );
}
