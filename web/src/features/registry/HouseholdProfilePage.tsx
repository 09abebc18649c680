import { ArrowLeftOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../ui/api';
import { useApiErrorHandler } from '../../ui/errors';
import { formatDateTime, formatYuan } from '../../ui/format';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { PageSpin } from '../../ui/PageSpin';
import { useApi } from '../../ui/use-api';
import { can } from '../access/api';
import { useMe } from '../access/session';
import { registryApi, type ChangeEvent, type HouseholdProfile, type IncomeRecord, type Person } from './api';
import { GuaranteeModal, GUARANTEE_FLAGS } from './GuaranteeModal';
import { HouseholdEditModal } from './HouseholdEditModal';
import { IncomeChart } from './IncomeChart';
import { INCOME_FIELDS, IncomeModal } from './IncomeModal';
import { codeLabel, yesNo } from './labels';
import { MemberModal } from './MemberModal';

type Editing = { kind: 'household' } | { kind: 'member'; person?: Person } | { kind: 'income'; record?: IncomeRecord } | { kind: 'guarantee' } | null;

/** 一户一档: the household profile with members, incomes over the years, guarantees and change history. */
export function HouseholdProfilePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const profile = useApi(id ?? null, () => registryApi.profile(id!));
  const [editing, setEditing] = useState<Editing>(null);

  if (profile.error instanceof ApiError && (profile.error.status === 404 || profile.error.status === 403)) return <NotFoundPage />;
  if (profile.error && !profile.data) return <Typography.Text type="danger">{profile.error.message}</Typography.Text>;
  if (!profile.data) return <PageSpin />;

  const p = profile.data;
  const h = p.household;
  const editable = can.editRegistry(me.role);
  const close = () => setEditing(null);
  const saved = () => {
    setEditing(null);
    profile.reload();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="household-profile">
      <Space>
        <Link to="/households">
          <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('profile.title', { no: h.householdNo })}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={profile.reload} loading={profile.loading}>
          {t('common.reload')}
        </Button>
      </Space>
      <Card
        size="small"
        title={t('profile.basics')}
        extra={editable && <Button icon={<EditOutlined />} onClick={() => setEditing({ kind: 'household' })} data-testid="edit-household">{t('common.edit')}</Button>}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('households.householdNo')}>{h.householdNo}</Descriptions.Item>
          <Descriptions.Item label={t('households.head')}>{p.members.find((m) => m.relation === 'HEAD')?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('households.village')}>{`${h.townshipName} · ${h.villageName}`}</Descriptions.Item>
          <Descriptions.Item label={t('households.type')}>
            <Tag color={h.householdType === 'POVERTY_EXITED' ? 'orange' : 'default'}>{codeLabel(t, 'householdType', h.householdType)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('households.relocated')}>{yesNo(t, h.isRelocated)}</Descriptions.Item>
          <Descriptions.Item label={t('profile.militaryFamily')}>{yesNo(t, h.isMilitaryFamily)}</Descriptions.Item>
          <Descriptions.Item label={t('profile.address')}>{h.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('profile.phone')}>{h.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('profile.updatedAt')}>{formatDateTime(h.updatedAt, i18n.language)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Tabs
        items={[
          { key: 'members', label: t('profile.members.title', { count: p.members.length }), children: <Members profile={p} editable={editable} onEdit={(person) => setEditing({ kind: 'member', person })} onChanged={profile.reload} /> },
          { key: 'incomes', label: t('profile.incomes.title'), children: <Incomes profile={p} editable={editable} onEdit={(record) => setEditing({ kind: 'income', record })} /> },
          { key: 'guarantee', label: t('profile.guarantee.title'), children: <Guarantee profile={p} editable={editable} onEdit={() => setEditing({ kind: 'guarantee' })} /> },
          { key: 'history', label: t('profile.history.title'), children: <History events={p.history} /> },
        ]}
      />
      <HouseholdEditModal household={h} open={editing?.kind === 'household'} onClose={close} onSaved={saved} />
      <MemberModal householdId={h.id} version={h.version} person={editing?.kind === 'member' ? editing.person : undefined} open={editing?.kind === 'member'} onClose={close} onSaved={saved} />
      <IncomeModal householdId={h.id} version={h.version} record={editing?.kind === 'income' ? editing.record : undefined} open={editing?.kind === 'income'} onClose={close} onSaved={saved} />
      <GuaranteeModal householdId={h.id} version={h.version} status={p.guarantee} open={editing?.kind === 'guarantee'} onClose={close} onSaved={saved} />
    </Space>
  );
}

function Members({ profile, editable, onEdit, onChanged }: { profile: HouseholdProfile; editable: boolean; onEdit: (p?: Person) => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const remove = async (person: Person) => {
    try {
      await registryApi.removeMember(profile.household.id, person.id, { version: profile.household.version });
      message.success(t('common.saved'));
      onChanged();
    } catch (e) {
      onError(e);
    }
  };
  const columns: TableProps<Person>['columns'] = [
    { title: t('profile.members.name'), dataIndex: 'name', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    { title: t('profile.members.relation'), dataIndex: 'relation', render: (v: string) => codeLabel(t, 'relation', v) },
    { title: t('households.idNumber'), dataIndex: 'idNumber', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: t('profile.members.gender'), dataIndex: 'gender', render: (v: string) => codeLabel(t, 'gender', v) },
    { title: t('profile.members.birthDate'), dataIndex: 'birthDate' },
    { title: t('profile.members.ethnicity'), dataIndex: 'ethnicity' },
    { title: t('profile.members.laborSkill'), dataIndex: 'laborSkill', render: (v: string) => codeLabel(t, 'laborSkill', v) },
    { title: t('profile.members.health'), dataIndex: 'healthStatus', render: (v: string) => codeLabel(t, 'healthStatus', v) },
    { title: t('profile.members.education'), dataIndex: 'education', render: (v: string | null) => codeLabel(t, 'education', v) },
    { title: t('profile.members.migrantMonths'), dataIndex: 'migrantMonths', align: 'right' },
    {
      title: t('profile.members.flags'),
      key: 'flags',
      render: (_, m) => (
        <Space size={2} wrap>
          {m.hasMedicalInsurance && <Tag>{t('profile.members.hasMedicalInsurance')}</Tag>}
          {m.isDibao && <Tag color="blue">{t('profile.members.isDibao')}</Tag>}
          {m.isTekun && <Tag color="purple">{t('profile.members.isTekun')}</Tag>}
          {m.publicWelfareJob && <Tag color="green">{t('profile.members.publicWelfareJob')}</Tag>}
        </Space>
      ),
    },
  ];
  if (editable)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, m) => (
        <Space>
          <Button size="small" onClick={() => onEdit(m)}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('profile.members.confirmRemove', { name: m.name })} onConfirm={() => void remove(m)}>
            <Button size="small" danger>
              {t('common.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {editable && (
        <Button icon={<PlusOutlined />} onClick={() => onEdit(undefined)} data-testid="add-member">
          {t('profile.members.add')}
        </Button>
      )}
      <Table<Person> rowKey="id" size="small" columns={columns} dataSource={profile.members} pagination={false} scroll={{ x: 1100 }} data-testid="members-table" />
    </Space>
  );
}

function Incomes({ profile, editable, onEdit }: { profile: HouseholdProfile; editable: boolean; onEdit: (r?: IncomeRecord) => void }) {
  const { t, i18n } = useTranslation();
  const money = (v: number) => formatYuan(v, i18n.language);
  const columns: TableProps<IncomeRecord>['columns'] = [
    { title: t('common.year'), dataIndex: 'year' },
    { title: t('profile.incomes.householdSize'), dataIndex: 'householdSize', align: 'right' },
    ...INCOME_FIELDS.map((f) => ({ title: t(`profile.incomes.${f}`), dataIndex: f, align: 'right' as const, render: money })),
    { title: t('profile.incomes.netIncome'), dataIndex: 'netIncomeFen', align: 'right', render: money },
    { title: t('profile.incomes.perCapitaNet'), dataIndex: 'perCapitaNetFen', align: 'right', render: (v: number) => <strong>{money(v)}</strong> },
  ];
  if (editable)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Button size="small" onClick={() => onEdit(r)}>
          {t('common.edit')}
        </Button>
      ),
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {profile.incomes.length ? <IncomeChart incomes={profile.incomes} divisionCode={profile.household.countyCode} /> : <Empty description={t('profile.incomes.none')} />}
      {editable && (
        <Button icon={<PlusOutlined />} onClick={() => onEdit(undefined)} data-testid="add-income">
          {t('profile.incomes.add')}
        </Button>
      )}
      <Table<IncomeRecord> rowKey="year" size="small" columns={columns} dataSource={[...profile.incomes].reverse()} pagination={false} scroll={{ x: 1000 }} />
      <Typography.Text type="secondary">{t('profile.incomes.note')}</Typography.Text>
    </Space>
  );
}

function Guarantee({ profile, editable, onEdit }: { profile: HouseholdProfile; editable: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const g = profile.guarantee;
  const problem = (flag: (typeof GUARANTEE_FLAGS)[number], v: boolean) => (flag === 'foodClothingOk' ? !v : v);
  return (
    <Card
      size="small"
      title={g ? t('profile.guarantee.asOf', { date: g.asOf }) : t('profile.guarantee.title')}
      extra={editable && <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-guarantee">{t('common.edit')}</Button>}
    >
      {!g ? (
        <Empty description={t('profile.guarantee.none')} />
      ) : (
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          {GUARANTEE_FLAGS.map((f) => (
            <Descriptions.Item key={f} label={t(`profile.guarantee.${f}`)}>
              <Tag color={problem(f, g[f]) ? 'red' : 'green'}>{yesNo(t, g[f])}</Tag>
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('profile.guarantee.houseGrade')}>{g.houseGrade ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('profile.guarantee.waterLitersPerDay')}>{g.waterLitersPerDay ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('profile.guarantee.waterTripMinutes')}>{g.waterTripMinutes ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('profile.guarantee.waterInterruptionDays')}>{g.waterInterruptionDays ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('profile.guarantee.overall')}>
            <Tag color={g.hasProblem ? 'red' : 'green'}>{g.hasProblem ? t('profile.guarantee.hasProblem') : t('profile.guarantee.ok')}</Tag>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

function History({ events }: { events: ChangeEvent[] }) {
  const { t, i18n } = useTranslation();
  if (!events.length) return <Empty description={t('profile.history.none')} />;
  const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.seq,
        children: (
          <div>
            <Typography.Text strong>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDateTime(e.at, i18n.language)} · {e.actorName}
            </Typography.Text>
            {e.reason && <div>{t('profile.reason')}: {e.reason}</div>}
            {e.changes.slice(0, 12).map((c) => (
              <div key={c.path} style={{ fontSize: 12 }}>
                <code>{c.path}</code>: {show(c.before)} → {show(c.after)}
              </div>
            ))}
            {e.changes.length > 12 && <div style={{ fontSize: 12 }}>{t('profile.history.more', { count: e.changes.length - 12 })}</div>}
          </div>
        ),
      }))}
    />
  );
}
