import { Alert, Input, Modal, Space, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiErrorDetail } from '../../ui/api';
import { povertyApi } from './poverty-api';

const P = 'evaluation.poverty.spec';

/**
 * The county administrator replaces the county's MPI specification as JSON (dimensions, indicators,
 * cutoffs, weights, k). The server validates it and names the offending field; the change is audited.
 */
export function MpiSpecModal({ county, open, onClose, onSaved }: { county: string; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [problems, setProblems] = useState<ApiErrorDetail[] | string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setProblems(null);
    povertyApi.mpiSpec(county).then(
      (s) => {
        setText(JSON.stringify(s.spec, null, 2));
        setVersion(s.scopeCode === county ? s.version : 0);
      },
      (e: Error) => setProblems(e.message),
    );
  }, [open, county]);

  const save = async () => {
    let spec: unknown;
    try {
      spec = JSON.parse(text);
    } catch {
      setProblems(t(`${P}.invalidJson`));
      return;
    }
    setSaving(true);
    try {
      await povertyApi.setMpiSpec({ county, spec, reason: reason.trim() || undefined, version });
      onSaved();
      onClose();
    } catch (e) {
      setProblems(e instanceof ApiError ? (e.details.length ? e.details : e.message) : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t(`${P}.title`)} onCancel={onClose} onOk={save} okText={t(`${P}.save`)} okButtonProps={{ 'data-testid': 'mpi-spec-save' } as ButtonProps} confirmLoading={saving} width={760} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t(`${P}.help`)}</Typography.Text>
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 14, maxRows: 24 }} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="mpi-spec-json" />
        <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t(`${P}.reason`)} data-testid="mpi-spec-reason" />
        {problems && (
          <Alert
            type="error"
            showIcon
            data-testid="mpi-spec-errors"
            message={
              typeof problems === 'string' ? (
                problems
              ) : (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {problems.map((d) => (
                    <li key={`${d.path}:${d.message}`}>
                      <Typography.Text code>{d.path.replace(/^body\.spec\./, '')}</Typography.Text> {d.message}
                    </li>
                  ))}
                </ul>
              )
            }
          />
        )}
      </Space>
    </Modal>
  );
}
