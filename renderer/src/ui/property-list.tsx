import type { ReactNode } from 'react';
import './property-list.css';

export interface Property {
  label: string;
  value: ReactNode;
  /** Paths, versions and ids read better monospaced. */
  mono?: boolean;
  testId?: string;
}

/** Label/value pairs in two aligned columns (a <dl>, so each pair is read together). */
export function PropertyList({ items }: { items: readonly Property[] }) {
  return (
    <dl className="properties">
      {items.map((item) => (
        <div key={item.label} className="property">
          <dt>{item.label}</dt>
          <dd className={item.mono ? 'mono' : undefined} data-testid={item.testId}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
