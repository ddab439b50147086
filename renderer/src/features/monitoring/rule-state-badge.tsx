import type { ComponentType } from 'react';
import { StatusBadge, type Tone } from '../../ui/status-badge';
import { CircleCheck, CircleDot, Clock, Siren } from './monitoring-icons';
import type { RuleState } from './rule-states';

// A rule's state in words, an icon and a colour: the words carry it, the rest reinforce it.

const looks: Record<
  RuleState,
  { label: string; tone: Tone; icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>; title: string }
> = {
  firing: { label: 'Firing', tone: 'danger', icon: Siren, title: 'The condition held for the rule’s whole “for” time' },
  pending: {
    label: 'Pending',
    tone: 'warning',
    icon: Clock,
    title: 'The condition holds; the rule fires if it still holds after its “for” time',
  },
  ok: { label: 'OK', tone: 'success', icon: CircleCheck, title: 'The condition does not hold' },
  'not-evaluated': {
    label: 'Not evaluated',
    tone: 'neutral',
    icon: CircleDot,
    title: 'No monitoring ran, so the rule was never checked',
  },
};

export function RuleStateBadge({ state }: { state: RuleState }) {
  const { label, tone, icon: Icon, title } = looks[state];
  return (
    <StatusBadge tone={tone} title={title} icon={<Icon size={12} aria-hidden />}>
      {label}
    </StatusBadge>
  );
}
