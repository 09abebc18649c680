import { createRoot } from 'react-dom/client';
import { App } from './App';
import { checkSession } from './features/access/session';
import { prefetchDashboard } from './features/dashboard/prefetch';
import { initI18n } from './i18n';
import { preloadRoute } from './routes';

// In parallel: the session check (then the dashboard's data, when it is the landing page), the
// current page's chunk, and the translations.
const session = checkSession().then((me) => {
  if (me && location.pathname === '/') prefetchDashboard(me);
});
preloadRoute(location.pathname);
// The first render waits for the session answer too (it is in flight already, preloaded by
// index.html): the shell then renders once, without a spinner pass before it.
void Promise.all([initI18n(), session]).then(() => createRoot(document.getElementById('root')!).render(<App />));
