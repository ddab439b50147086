import { useEffect, useState } from 'react';
import type { ProjectSummary } from '../../../../shared/api/schemas/project';
import { Button } from '../../ui/button';
import { FlaskConical, RotateCcw } from './demo-icons';
import { DemoResetDialog } from './demo-reset-dialog';
import { isDemoProject, useDemo } from './demo-store';
import './demo.css';

/**
 * On the demo project's card: a line saying it is the demo, and "Reset to first state…" so it can
 * be tried again from scratch. Renders nothing on any other project's card.
 */
export function DemoProjectBar({ project }: { project: ProjectSummary }) {
  const status = useDemo((state) => state.status);
  const resetNote = useDemo((state) => state.resetNote);
  const [asking, setAsking] = useState(false);
  // The dashboard may open with the demo already open (a reload): ask once which project it is.
  useEffect(() => {
    if (useDemo.getState().phase === 'idle') void useDemo.getState().check();
  }, []);
  if (!isDemoProject(status, project)) return null;
  return (
    <div className="demo-bar">
      <FlaskConical size={14} aria-hidden className="demo-bar-icon" />
      <p className="demo-bar-text">
        <strong>Demo project.</strong> Deploy v1.1.0 to staging, then production; v1.2.0 rolls back by itself.
        {resetNote ? (
          <span className="demo-bar-note" role="status">
            {' '}
            {resetNote}
          </span>
        ) : null}
      </p>
      <Button size="sm" icon={RotateCcw} onClick={() => setAsking(true)}>
        Reset to first state…
      </Button>
      {asking ? <DemoResetDialog onClose={() => setAsking(false)} /> : null}
    </div>
  );
}
