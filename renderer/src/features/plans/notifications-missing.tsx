import { EmptyState } from '../../ui/empty-state';
import { BellOff } from './plan-icons';

// A project without notifications.yml sends nothing. Saying so is not enough: the person also
// needs to see how to add channels, so the essentials of docs/notifications.md are shown here.

const example = `# .release-pilot/notifications.yml
channels:
  - name: ops-slack
    kind: slack                 # slack, teams, webhook or email
    url: \${secret:SLACK_URL}    # webhook URLs carry a token: keep them secret
  - name: stakeholders
    kind: email
    environments: [production]  # only runs against production
    on: [run-started, failed, rolled-back, finished]
    email:
      host: smtp.example.com
      password: \${secret:SMTP_PASSWORD}
      from: Release Pilot <release-pilot@example.com>
      to: [ops@example.com]`;

export function NotificationsMissing({ file }: { file: string }) {
  return (
    <div className="notifications-missing">
      <EmptyState icon={BellOff} title="No notifications are configured" size="compact">
        <p>
          This project has no <code>{file}</code>, so a run tells nobody when it starts, waits for an approval, fails,
          rolls back or ends. Add the file to send those moments to Slack, Microsoft Teams, a JSON webhook or email;
          failed sends are retried and journaled, and never hold up a deployment.
        </p>
      </EmptyState>
      <details className="notifications-howto">
        <summary>How to set up notifications (from docs/notifications.md)</summary>
        <p>
          Each channel has a <code>name</code> and a <code>kind</code>; <code>on</code> picks the moments (all five when
          left out) and <code>environments</code> limits it to some environments. Secrets are written as{' '}
          <code>{'${secret:NAME}'}</code> and set in Settings → Secrets, or as the environment variable{' '}
          <code>RELEASE_PILOT_SECRET_NAME</code> for the CLI and browser host.
        </p>
        <pre className="notifications-example">
          <code>{example}</code>
        </pre>
        <p>The full reference, with delivery, retries and the exact payloads, is docs/notifications.md.</p>
      </details>
    </div>
  );
}
