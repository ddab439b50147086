// The icons of the added log sources, one module each so the bundle carries only these.

export { default as Container } from 'lucide-react/icons/container';
export { default as FileText } from 'lucide-react/icons/file-text';
export { default as NotebookText } from 'lucide-react/icons/notebook-text';
export { default as Plus } from 'lucide-react/icons/plus';
