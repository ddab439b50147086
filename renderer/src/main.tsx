// Tokens and element defaults first, so every component stylesheet bundled after them can
// override them at equal specificity.
import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { cachedTheme } from './app/theme';
import { applyTheme } from './app/use-theme';
import { localStore } from './lib/web-storage';

// Apply the last theme before the first paint, so a dark-theme user never sees a white flash
// while the saved settings are still on their way over the API.
applyTheme(cachedTheme(localStore));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
