import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { switchLanguage, type Lang } from '../i18n';

/** zh-CN ⇄ English; also sets the `lang` cookie so server messages follow. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <Segmented<Lang>
      data-testid="language-switch"
      size="small"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(v) => void switchLanguage(v)}
    />
  );
}
