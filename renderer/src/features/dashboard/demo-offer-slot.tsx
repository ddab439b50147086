import { type FormEvent, useEffect, useId } from 'react';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { useSettings } from '../settings/settings-store';
import { DockerDown } from './demo-docker-down';
import { DemoFacts } from './demo-facts';
import { FlaskConical } from './demo-icons';
import { DemoOperatorFields } from './demo-operator-fields';
import { DemoProgress } from './demo-progress';
import { ProxyNote } from './demo-proxy-note';
import { DemoSignerLine } from './demo-signer-line';
import './demo.css';
import { useDemo } from './demo-store';
import { startDemoRun } from './start-demo-run';
import { useDemoOperator } from './use-demo-operator';

/**
 * "Try the demo project", on the dashboard while no project is open: a whole guided deployment
 * on this machine with nothing configured. Once it is set up, the start dialog opens with its
 * first deployment (v1.1.0 on staging) chosen. A newcomer with no name in Settings types it here
 * first: the run records it on every sign-off, and would otherwise send them to Settings.
 */
export function DemoOfferSlot() {
  const { phase, status, error, busy, checking, progress, actionError, resetNote, check, open } = useDemo();
  const settings = useSettings((state) => state.settings);
  const operator = useDemoOperator();
  const dockerId = useId();
  useEffect(() => {
    void useDemo.getState().check();
  }, []);

  const dockerDown = status !== undefined && !status.docker.ok;
  const unavailable = phase !== 'ready' || dockerDown;
  // The head is a form, so Enter in the name field tries the demo; it saves the name first.
  const tryIt = async (event: FormEvent) => {
    event.preventDefault();
    if (unavailable || busy || operator.saving) return;
    if (!(await operator.ensure())) return;
    const opened = await open();
    if (opened) startDemoRun(opened.project.id, opened.status.versions);
  };

  return (
    <section className="demo-offer" aria-labelledby="demo-offer-title">
      <form className="demo-offer-head" onSubmit={tryIt} noValidate>
        <div className="demo-offer-icon">
          <FlaskConical size={18} aria-hidden />
        </div>
        <div className="demo-offer-text">
          <h2 id="demo-offer-title" className="demo-offer-title">
            New here? Try the demo project
          </h2>
          <p>
            A small web service with a staging and a production environment, both on this machine: deploy v1.1.0 step by
            step, then v1.2.0 — which is deliberately bad, so you see the automatic rollback.
          </p>
          {operator.needed ? <DemoOperatorFields operator={operator} /> : null}
          {settings && !operator.needed ? <DemoSignerLine settings={settings} /> : null}
        </div>
        <Button
          type="submit"
          variant="primary"
          icon={FlaskConical}
          busy={busy === 'open' || operator.saving}
          disabled={unavailable}
          aria-describedby={dockerDown ? dockerId : undefined}
        >
          Try the demo project
        </Button>
      </form>
      <div className="demo-offer-body">
        {phase === 'loading' ? <Loading label="Checking Docker and nginx for the demo…" /> : null}
        {phase === 'failed' ? (
          <LoadFailed title="Could not check what the demo needs" onRetry={() => void check()}>
            {error}
          </LoadFailed>
        ) : null}
        {status && dockerDown ? (
          <DockerDown status={status} checking={checking} onCheck={() => void check()} id={dockerId} />
        ) : null}
        {status && !dockerDown && busy !== 'open' ? <DemoFacts status={status} /> : null}
        {status && !dockerDown ? <ProxyNote status={status} /> : null}
        {busy === 'open' ? <DemoProgress progress={progress} /> : null}
        {actionError && !busy ? (
          <Banner tone="danger" role="alert" title="The demo could not be set up">
            {actionError}
          </Banner>
        ) : null}
        {resetNote && !busy ? <Banner tone="success">{resetNote}</Banner> : null}
      </div>
    </section>
  );
}
