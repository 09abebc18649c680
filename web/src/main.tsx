import { createRoot } from 'react-dom/client';
import { App } from './App';
import { checkSession } from './features/access/session';
import { prefetchDashboard } from './features/dashboard/prefetch';
import { initI18n } from './i18n';
import { preloadRoute } from './routes';

// In parallel: the session check (then the dashboard's data, when it is the landing page), the
// current page's chunk, and the translations.
void checkSession().then((me) => {
  if (me && location.pathname === '/') prefetchDashboard(me);
});
preloadRoute(location.pathname);
void initI18n().then(() => createRoot(document.getElementById('root')!).render(<App />));
