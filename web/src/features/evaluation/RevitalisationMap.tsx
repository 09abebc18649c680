import { Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SchematicMap } from '../dashboard/map/SchematicMap';
import { LEVEL_COLOURS, type CouplingRow } from './RevitalisationApi';

const R = 'evaluation.revitalisation';

/**
 * The D-grade choropleth: the dashboard's schematic county map (real Hezhang outline, one cell per
 * township or village, same layout as the dashboard) coloured by the 10 coordination levels.
 */
export function RevitalisationMap({ area, units, selected, onSelect }: { area: { code: string; level: number }; units: CouplingRow[]; selected: string | null; onSelect: (code: string) => void }) {
  const { t } = useTranslation();
  const painted = useMemo(
    () => units.map((u) => ({ code: u.code, name: u.name, fill: LEVEL_COLOURS[u.level], title: `${u.name}: D ${u.D.toFixed(3)} ${t(`${R}.levels.${u.level}`)}` })),
    [units, t],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <SchematicMap division={area} areas={painted} selected={selected} onSelect={onSelect} height={340} testId="revitalisation-map" label={t(`${R}.map`)} />
      <Space size={2} wrap>
        {LEVEL_COLOURS.map((c, l) => (
          <span key={c} style={{ display: 'inline-flex', alignItems: 'center', fontSize: 11, marginRight: 6 }}>
            <span style={{ width: 12, height: 12, background: c, display: 'inline-block', marginRight: 3, border: '1px solid #d9d9d9' }} />
            {t(`${R}.levels.${l}`)}
          </span>
        ))}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`${R}.mapNote`)}
      </Typography.Text>
    </Space>
  );
}
