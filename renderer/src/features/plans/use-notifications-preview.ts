import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotificationsPreview } from '../../../../shared/api/schemas/notifications';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/error-message';

// The notification preview of one project and environment. It only reads files on the host (no
// message is sent), so it loads as soon as an environment is chosen and again on Refresh.

export interface NotificationsPreviewState {
  phase: 'loading' | 'ready' | 'failed';
  preview?: NotificationsPreview;
  error?: string;
}

export function useNotificationsPreview(projectId: string, environment: string) {
  const [state, setState] = useState<NotificationsPreviewState>({ phase: 'loading' });
  const latest = useRef(0);

  const load = useCallback(async () => {
    const ticket = ++latest.current;
    setState((current) => ({ ...current, phase: 'loading', error: undefined }));
    try {
      const preview = await api.notifications.preview({ projectId, environment });
      if (ticket === latest.current) setState({ phase: 'ready', preview });
    } catch (error) {
      if (ticket === latest.current) setState({ phase: 'failed', error: errorMessage(error) });
    }
  }, [projectId, environment]);

  useEffect(() => {
    if (environment) void load();
  }, [load, environment]);

  return { ...state, load };
}
