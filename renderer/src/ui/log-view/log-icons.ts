// The icons of the log view and the Live logs screen, one module each so the bundle carries only
// these (as ui/icons.ts does for the rest of the app).

export { default as ArrowDownToLine } from 'lucide-react/icons/arrow-down-to-line';
export { default as ChevronDown } from 'lucide-react/icons/chevron-down';
export { default as ChevronUp } from 'lucide-react/icons/chevron-up';
export { default as Copy } from 'lucide-react/icons/copy';
export { default as Download } from 'lucide-react/icons/download';
export { default as ListFilter } from 'lucide-react/icons/list-filter';
export { default as Pause } from 'lucide-react/icons/pause';
export { default as Play } from 'lucide-react/icons/play';
export { default as Regex } from 'lucide-react/icons/regex';
export { default as ScrollText } from 'lucide-react/icons/scroll-text';
export { default as Search } from 'lucide-react/icons/search';
