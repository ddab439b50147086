import { Loader } from './icons';
import './loading.css';

/** A quiet "working on it" line; announced politely so it does not interrupt. */
export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <Loader size={14} aria-hidden className="loading-icon" />
      {label}
    </p>
  );
}
