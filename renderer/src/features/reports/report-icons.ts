// The icons only the reports screen uses, each from its own module (see ui/icons.ts for why).

export { default as ArrowLeft } from 'lucide-react/icons/arrow-left';
export { default as ClipboardCopy } from 'lucide-react/icons/clipboard-copy';
export { default as Download } from 'lucide-react/icons/download';
export { default as Undo } from 'lucide-react/icons/undo-2';
