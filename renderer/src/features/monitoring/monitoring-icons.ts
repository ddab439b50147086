// The icons only the monitoring screen uses, each from its own module (see ui/icons.ts for why).

export { default as Activity } from 'lucide-react/icons/activity';
export { default as ArrowLeft } from 'lucide-react/icons/arrow-left';
export { default as Bell } from 'lucide-react/icons/bell';
export { default as CircleCheck } from 'lucide-react/icons/circle-check';
export { default as CircleDot } from 'lucide-react/icons/circle-dot';
export { default as Clock } from 'lucide-react/icons/clock';
export { default as Siren } from 'lucide-react/icons/siren';
