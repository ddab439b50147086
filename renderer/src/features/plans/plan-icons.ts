// The icons only the plan page uses, each from its own module (see ui/icons.ts for why).

export { default as Bell } from 'lucide-react/icons/bell';
export { default as BellOff } from 'lucide-react/icons/bell-off';
export { default as ClipboardCopy } from 'lucide-react/icons/clipboard-copy';
export { default as ClipboardList } from 'lucide-react/icons/clipboard-list';
export { default as Download } from 'lucide-react/icons/download';
export { default as Fingerprint } from 'lucide-react/icons/fingerprint-pattern';
