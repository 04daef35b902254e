import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './shell/app.css';
import { App } from './shell/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
