import { createRoot } from 'react-dom/client';
import { App } from './App';
import { checkSession } from './features/access/session';
import { initI18n } from './i18n';
import { preloadRoute } from './routes';

// In parallel: the session check, the current page's chunk, and the translations.
void checkSession();
preloadRoute(location.pathname);
void initI18n().then(() => createRoot(document.getElementById('root')!).render(<App />));
