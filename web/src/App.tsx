import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { LoginPage } from './features/access/LoginPage';
import { SessionProvider, useSession } from './features/access/session';
import { CurrentDivisionProvider } from './features/divisions/current-division';
import { AppShell } from './ui/AppShell';
import { PageSpin } from './ui/PageSpin';

function Gate() {
  const { me } = useSession();
  if (me === undefined) return <PageSpin />;
  if (me === null) return <LoginPage />;
  return (
    <CurrentDivisionProvider key={me.id}>
      <AppShell />
    </CurrentDivisionProvider>
  );
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1a7f5a' } }}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <Gate />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
