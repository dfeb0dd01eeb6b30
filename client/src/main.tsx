import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The tokens and the global rules first, so they come before every component's CSS Module in the page.
import './styles/tokens.css';
import './styles/global.css';
import { App } from './app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
