// The icons only the checklist review uses, each from its own module (see ui/icons.ts for why).

export { default as ArrowLeft } from 'lucide-react/icons/arrow-left';
export { default as ClipboardCheck } from 'lucide-react/icons/clipboard-check';
export { default as Download } from 'lucide-react/icons/download';
export { default as Eraser } from 'lucide-react/icons/eraser';
export { default as ListChecks } from 'lucide-react/icons/list-checks';
export { default as Pencil } from 'lucide-react/icons/pencil';
export { default as Zap } from 'lucide-react/icons/zap';
