import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';

void initI18n().then(() => createRoot(document.getElementById('root')!).render(<App />));
