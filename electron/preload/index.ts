import { contextBridge } from 'electron'; import { methodNames } from '../../shared/api/contract'; contextBridge.exposeInMainWorld('x', methodNames);
