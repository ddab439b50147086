// The Environments screen's own icons, one module each so the bundle carries only these (as
// ui/icons.ts does for the rest of the app).

export { default as CircleDashed } from 'lucide-react/icons/circle-dashed';
export { default as CircleX } from 'lucide-react/icons/circle-x';
export { default as Container } from 'lucide-react/icons/container';
export { default as FileCode } from 'lucide-react/icons/file-code';
export { default as KeyRound } from 'lucide-react/icons/key-round';
export { default as Network } from 'lucide-react/icons/network';
export { default as RotateCcw } from 'lucide-react/icons/rotate-ccw';
export { default as Pencil } from 'lucide-react/icons/square-pen';
