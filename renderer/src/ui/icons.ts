// Every icon the app uses, each imported from its own module so the bundle carries only these
// (the lucide-react index pulls in thousands). Re-exported by name for readable imports.

export { default as BookOpen } from 'lucide-react/icons/book-open';
export { default as CircleAlert } from 'lucide-react/icons/circle-alert';
export { default as CircleCheck } from 'lucide-react/icons/circle-check';
export { default as FileText } from 'lucide-react/icons/file-text';
export { default as FolderGit } from 'lucide-react/icons/folder-git-2';
export { default as FolderOpen } from 'lucide-react/icons/folder-open';
export { default as Info } from 'lucide-react/icons/info';
export { default as LayoutDashboard } from 'lucide-react/icons/layout-dashboard';
export { default as Loader } from 'lucide-react/icons/loader-circle';
export { default as Lock } from 'lucide-react/icons/lock';
export { default as Monitor } from 'lucide-react/icons/monitor';
export { default as Moon } from 'lucide-react/icons/moon';
export { default as PlugZap } from 'lucide-react/icons/plug-zap';
export { default as RefreshCw } from 'lucide-react/icons/refresh-cw';
export { default as Rocket } from 'lucide-react/icons/rocket';
export { default as Save } from 'lucide-react/icons/save';
export { default as Server } from 'lucide-react/icons/server';
export { default as Settings } from 'lucide-react/icons/settings';
export { default as Sun } from 'lucide-react/icons/sun';
export { default as AlertTriangle } from 'lucide-react/icons/triangle-alert';
export { default as X } from 'lucide-react/icons/x';
