// Loaded with `node --import` before the built main bundle (out/main/index.js). It points the
// bare specifier 'electron' at the stand-in beside this file, for every importer (the bundle and
// electron-store alike). Everything else resolves exactly as Node resolves it for the bundle.
import { register } from 'node:module';

register('./resolve-hook.mjs', import.meta.url);
