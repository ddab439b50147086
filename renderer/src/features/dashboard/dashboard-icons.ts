// The dashboard's own icons, one module each so the bundle carries only these (as ui/icons.ts
// does for the rest of the app).

export { default as History } from 'lucide-react/icons/history';
export { default as LockOpen } from 'lucide-react/icons/lock-open';
export { default as Play } from 'lucide-react/icons/play';
export { default as WifiOff } from 'lucide-react/icons/wifi-off';
