import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { formatDate } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { accessApi, ROLES, type Role, type User, type UserListParams } from './api';

interface CreateValues {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  scopePrefix: string;
}
interface EditValues {
  displayName: string;
  role: Role;
  scopePrefix: string;
  disabled: boolean;
  resetPassword: boolean;
  reason?: string;
}

const SCOPE_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/;

/** Users (county administrators): list, create, change role/scope, disable, reset password. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<UserListParams>({ page: 1, pageSize: 50 });
  const list = useApi(JSON.stringify(filters), () => accessApi.listUsers(filters));
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [password, setPassword] = useState<{ username: string; password: string } | null>(null);

  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const editInitial = useMemo<Partial<EditValues> | undefined>(
    () => (editing ? { displayName: editing.displayName, role: editing.role, scopePrefix: editing.scopePrefix, disabled: editing.disabled, resetPassword: false } : undefined),
    [editing],
  );
  const scopeRule = { pattern: SCOPE_PATTERN, message: t('users.scopeFormat') };

  const columns: TableProps<User>['columns'] = [
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', render: (r: Role) => t(`roles.${r}`) },
    { title: t('users.scope'), key: 'scope', render: (_, u) => `${u.scopeName} (${u.scopePrefix || '—'})` },
    { title: t('users.status'), dataIndex: 'disabled', render: (d: boolean) => (d ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>) },
    { title: t('users.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v, i18n.language) },
    { title: t('common.actions'), key: 'actions', render: (_, u) => <Button size="small" onClick={() => setEditing(u)}>{t('common.edit')}</Button> },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="users-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.add')}
        </Button>
      </Space>
      {password && (
        <Alert type="warning" showIcon closable onClose={() => setPassword(null)} message={t('users.generatedPassword', { username: password.username })} description={<Typography.Text code copyable>{password.password}</Typography.Text>} />
      )}
      <Space wrap>
        <Input.Search allowClear placeholder={t('users.searchPlaceholder')} style={{ width: 240 }} onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined, page: 1 }))} />
        <Select allowClear placeholder={t('users.role')} style={{ width: 180 }} options={roleOptions} onChange={(role?: Role) => setFilters((f) => ({ ...f, role, page: 1 }))} />
      </Space>
      {list.error && <Typography.Text type="danger">{list.error.message}</Typography.Text>}
      <Table<User>
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ current: filters.page, pageSize: filters.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })) }}
      />
      <FormModal<CreateValues>
        title={t('users.add')}
        open={creating}
        onCancel={() => setCreating(false)}
        initialValues={{ role: 'village_cadre' }}
        onSubmit={async (v) => {
          const r = await accessApi.createUser({ ...v, password: v.password || undefined });
          setCreating(false);
          if (r.generatedPassword) setPassword({ username: r.user.username, password: r.generatedPassword });
          list.reload();
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="username" label={t('users.username')} rules={[{ required: true, message: t('profile.required') }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, message: t('profile.required') }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
              <Select options={roleOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="scopePrefix" label={t('users.scope')} rules={[{ required: true, message: t('profile.required') }, scopeRule]} extra={t('users.scopeHint')}>
              <Input placeholder="520527" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHint')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
      </FormModal>
      <FormModal<EditValues>
        title={editing ? t('users.edit', { username: editing.username }) : ''}
        open={!!editing}
        onCancel={() => setEditing(null)}
        initialValues={editInitial}
        onSubmit={async (v) => {
          const u = editing!;
          const r = await accessApi.updateUser(u.id, {
            displayName: v.displayName !== u.displayName ? v.displayName : undefined,
            role: v.role !== u.role ? v.role : undefined,
            scopePrefix: v.scopePrefix !== u.scopePrefix ? v.scopePrefix : undefined,
            disabled: v.disabled !== u.disabled ? v.disabled : undefined,
            resetPassword: v.resetPassword ? true : undefined,
            reason: v.reason || undefined,
          });
          setEditing(null);
          if (r.generatedPassword) setPassword({ username: r.user.username, password: r.generatedPassword });
          list.reload();
        }}
      >
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, message: t('profile.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item name="scopePrefix" label={t('users.scope')} rules={[scopeRule]} extra={t('users.scopeHint')}>
          <Input />
        </Form.Item>
        <Space size="large">
          <Form.Item name="disabled" label={t('users.disabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="resetPassword" label={t('users.resetPassword')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label={t('profile.reason')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
