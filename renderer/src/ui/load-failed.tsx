import type { ReactNode } from 'react';
import { Banner } from './banner';
import { Button } from './button';

export interface LoadFailedProps {
  /** What could not be loaded, e.g. "Could not list the runs". */
  title: string;
  onRetry: () => void;
  /** The error message. */
  children?: ReactNode;
  /** Pads the banner for use inside a flush panel body, where it would otherwise touch the edges. */
  padded?: boolean;
}

/**
 * Every screen says a failed load the same way: a danger banner with the error and a Retry
 * button, so the user never has to leave the screen (or reload the app) to try again.
 */
export function LoadFailed({ title, onRetry, children, padded = false }: LoadFailedProps) {
  const banner = (
    <Banner
      tone="danger"
      title={title}
      actions={
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      {children}
    </Banner>
  );
  return padded ? <div className="panel-body-padded">{banner}</div> : banner;
}
