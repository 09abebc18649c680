import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { EDUCATION_CODES, HEALTH_STATUS_CODES, LABOR_SKILL_CODES, RELATION_CODES, STUDENT_STATUS_CODES, registryApi, type MemberChange, type Person } from './api';
import { codeLabel } from './labels';

type Values = Omit<MemberChange, 'version'>;
const FLAGS = ['hasMedicalInsurance', 'hasPensionInsurance', 'isDibao', 'isTekun', 'publicWelfareJob'] as const;

/** Adds a member (person undefined) or edits one. */
export function MemberModal({ householdId, version, person, open, onClose, onSaved }: { householdId: number; version: number; person?: Person; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const options = (set: string, codes: readonly string[]) => codes.map((c) => ({ value: c, label: codeLabel(t, set, c) }));
  const initialValues = useMemo<Partial<Values>>(
    () =>
      person
        ? {
            name: person.name,
            idNumber: person.idNumberMasked ? undefined : person.idNumber,
            relation: person.relation,
            laborSkill: person.laborSkill,
            healthStatus: person.healthStatus,
            education: person.education,
            studentStatus: person.studentStatus,
            ethnicity: person.ethnicity,
            migrantMonths: person.migrantMonths,
            migrantPlace: person.migrantPlace,
            hasMedicalInsurance: person.hasMedicalInsurance,
            hasPensionInsurance: person.hasPensionInsurance,
            isDibao: person.isDibao,
            isTekun: person.isTekun,
            publicWelfareJob: person.publicWelfareJob,
          }
        : { relation: 'CHILD', laborSkill: 'ORDINARY', healthStatus: 'HEALTHY', migrantMonths: 0, hasMedicalInsurance: true, hasPensionInsurance: false, isDibao: false, isTekun: false, publicWelfareJob: false },
    [person],
  );
  return (
    <FormModal<Values>
      testId="member-edit"
      width={720}
      title={person ? t('profile.members.edit', { name: person.name }) : t('profile.members.add')}
      open={open}
      onCancel={onClose}
      initialValues={initialValues}
      onSubmit={async (v) => {
        const body: MemberChange = { ...v, version, migrantPlace: v.migrantPlace || null };
        if (person) await registryApi.updateMember(householdId, person.id, body);
        else await registryApi.addMember(householdId, body);
        onSaved();
      }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="name" label={t('profile.members.name')} rules={[{ required: true, message: t('profile.required') }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="idNumber" label={t('households.idNumber')} rules={[{ required: true, message: t('profile.required') }]} extra={person?.idNumberMasked ? t('profile.members.idMaskedHint') : undefined}>
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="relation" label={t('profile.members.relation')} rules={[{ required: true }]}>
            <Select options={options('relation', RELATION_CODES)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="laborSkill" label={t('profile.members.laborSkill')} rules={[{ required: true }]}>
            <Select options={options('laborSkill', LABOR_SKILL_CODES)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="healthStatus" label={t('profile.members.health')}>
            <Select options={options('healthStatus', HEALTH_STATUS_CODES)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="education" label={t('profile.members.education')}>
            <Select allowClear options={options('education', EDUCATION_CODES)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="studentStatus" label={t('profile.members.student')}>
            <Select allowClear options={options('studentStatus', STUDENT_STATUS_CODES)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="ethnicity" label={t('profile.members.ethnicity')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="migrantMonths" label={t('profile.members.migrantMonths')}>
            <InputNumber min={0} max={12} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="migrantPlace" label={t('profile.members.migrantPlace')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        {FLAGS.map((f) => (
          <Col span={8} key={f}>
            <Form.Item name={f} label={t(`profile.members.${f}`)} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        ))}
        <Col span={24}>
          <Form.Item name="reason" label={t('profile.reason')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
