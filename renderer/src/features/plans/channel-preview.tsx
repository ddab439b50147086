import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { StatusBadge } from '../../ui/status-badge';
import { MessagePreview } from './message-preview';
import { type ChannelPreview as Channel, kindLabel, triggerLabel } from './notification-labels';

// One channel: its kind, whether it hears about this environment at all, and its messages, one
// moment at a time behind tabs (five full messages per channel would bury the page). Tabs follow
// the WAI-ARIA pattern: Tab enters the row, arrow keys, Home and End move between moments.

export function ChannelPreview({ channel, environment }: { channel: Channel; environment: string }) {
  const [index, setIndex] = useState(0);
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const shown = channel.messages[Math.min(index, channel.messages.length - 1)];

  const onKeyDown = (event: KeyboardEvent) => {
    const last = channel.messages.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    setIndex(next);
    tabs.current[next]?.focus();
  };

  return (
    <section className="channel-preview" aria-labelledby={`${base}-name`} data-channel={channel.channel}>
      <header className="channel-header">
        <h3 id={`${base}-name`} className="channel-name">
          {channel.channel}
        </h3>
        <StatusBadge tone="accent">{kindLabel(channel.kind)}</StatusBadge>
        {channel.applies ? null : <StatusBadge tone="neutral">Not sent for {environment}</StatusBadge>}
      </header>
      {channel.note ? <p className="channel-note">{channel.note}</p> : null}
      {shown ? (
        <>
          <div className="trigger-tabs" role="tablist" aria-label={`Moments ${channel.channel} hears about`}>
            {channel.messages.map((message, i) => (
              <button
                key={message.trigger}
                ref={(el) => {
                  tabs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`${base}-tab-${i}`}
                aria-selected={i === index}
                aria-controls={`${base}-panel`}
                tabIndex={i === index ? 0 : -1}
                className="trigger-tab"
                onClick={() => setIndex(i)}
                onKeyDown={onKeyDown}
              >
                {triggerLabel(message.trigger)}
              </button>
            ))}
          </div>
          <div className="trigger-panel" role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${index}`}>
            <MessagePreview message={shown} channel={channel.channel} />
          </div>
        </>
      ) : (
        <p className="channel-note">This channel listens to no moment of a run.</p>
      )}
    </section>
  );
}
