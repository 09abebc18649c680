import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useSession, useMe } from '../features/access/session';
import { DivisionTree } from '../features/divisions/DivisionTree';
import { useCurrentDivision } from '../features/divisions/current-division';
import { appRoutes } from '../routes';
import { LanguageSwitch } from './LanguageSwitch';
import { ForbiddenPage, NotFoundPage } from './NotFoundPage';
import { PageSpin } from './PageSpin';

const { Header, Sider, Content } = Layout;

/** Header (user, role, scope, language, logout), side menu with the division navigator, and the routed page. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const { current } = useCurrentDivision();
  const location = useLocation();
  const navigate = useNavigate();
  const visible = appRoutes.filter((r) => !r.roles || r.roles.includes(me.role));
  const menuItems = visible.filter((r) => r.menu).map((r) => ({ key: r.path, icon: r.menu!.icon, label: t(r.menu!.labelKey) }));
  // The one entry whose path is the longest start of the URL (/monitoring/events, not also /monitoring).
  const selected = menuItems
    .map((i) => i.key)
    .filter((k) => (k === '/' ? location.pathname === '/' : location.pathname === k || location.pathname.startsWith(`${k}/`)))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16, background: '#0b3d2e' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        {current && (
          <Tag color="green" data-testid="current-division">
            {current.name}
          </Tag>
        )}
        <div style={{ flex: 1 }} />
        <Space size="middle" style={{ color: '#fff' }}>
          <span data-testid="header-user">{me.displayName}</span>
          <Tag color="blue">{t(`roles.${me.role}`)}</Tag>
          <span title={t('header.scope')}>
            {t('header.scope')}: {me.scopeName}
          </span>
          <LanguageSwitch />
          <Button size="small" icon={<LogoutOutlined />} onClick={() => void logout().then(() => navigate('/'))} data-testid="logout">
            {t('header.logout')}
          </Button>
        </Space>
      </Header>
      <Layout>
        <Sider width={240} theme="light" style={{ borderRight: '1px solid #f0f0f0', overflow: 'auto' }}>
          <Menu mode="inline" items={menuItems} selectedKeys={selected} onClick={(e) => navigate(e.key)} data-testid="side-menu" />
          <Typography.Text type="secondary" style={{ display: 'block', padding: '12px 16px 0' }}>
            {t('divisions.navigator')}
          </Typography.Text>
          <DivisionTree />
        </Sider>
        <Content style={{ padding: 16, minWidth: 0 }}>
          <Suspense fallback={<PageSpin />}>
            <Routes>
              {appRoutes.map((r) => {
                const Page = r.page;
                const allowed = !r.roles || r.roles.includes(me.role);
                return <Route key={r.path} path={r.path} element={allowed ? <Page /> : <ForbiddenPage />} />;
              })}
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
