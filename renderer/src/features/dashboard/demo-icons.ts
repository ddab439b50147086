// The demo card's icons, one module each so the bundle carries only these (as ui/icons.ts does
// for the rest of the app).

export { default as Check } from 'lucide-react/icons/check';
export { default as Circle } from 'lucide-react/icons/circle';
export { default as FlaskConical } from 'lucide-react/icons/flask-conical';
export { default as Loader } from 'lucide-react/icons/loader-circle';
export { default as RotateCcw } from 'lucide-react/icons/rotate-ccw';
