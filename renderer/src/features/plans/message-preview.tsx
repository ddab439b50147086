import { StatusBadge } from '../../ui/status-badge';
import { type PreviewMessage, payloadText, severityTone } from './notification-labels';

// One message as a channel would receive it: title, text and facts as people read them, and the
// exact payload (what is POSTed or mailed) one click away for whoever wires up the receiver.

export function MessagePreview({ message, channel }: { message: PreviewMessage; channel: string }) {
  return (
    <div className="message-preview">
      <div className="message-heading">
        <p className="message-title">{message.title}</p>
        <StatusBadge tone={severityTone(message.severity)}>{message.severity}</StatusBadge>
      </div>
      <p className="message-text">{message.text}</p>
      {message.facts.length ? (
        <dl className="message-facts" aria-label={`Facts sent to ${channel}`}>
          {message.facts.map((fact) => (
            <div key={fact.name} className="message-fact">
              <dt>{fact.name}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <details className="message-payload">
        <summary>Payload as sent (JSON)</summary>
        <pre>
          <code>{payloadText(message.payload)}</code>
        </pre>
      </details>
    </div>
  );
}
