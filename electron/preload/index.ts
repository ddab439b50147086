import { contextBridge, ipcRenderer } from 'electron';
import { bridgeKey } from '../../shared/api/bridge';
import { createPreloadBridge } from './create-bridge';

// The sandboxed preload: exposes the typed API on window.releasePilot through contextBridge, so
// the page gets copies of these functions and never the ipcRenderer object itself.
contextBridge.exposeInMainWorld(bridgeKey, createPreloadBridge(ipcRenderer));
