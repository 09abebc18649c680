import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { AssistancePlanPanel } from './AssistancePlanPanel';
import './i18n';

/** /assistance/:householdId — the household's assistance plan on its own page. */
export function AssistancePlanPage() {
  const { t } = useTranslation();
  const { householdId } = useParams();
  const id = Number(householdId);
  if (!Number.isSafeInteger(id) || id <= 0) return <Alert type="error" message={t('assistance.noPlanNoCase')} />;
  return <AssistancePlanPanel householdId={id} />;
}
