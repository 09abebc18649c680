import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registryApi, type HouseholdSummary } from '../registry/api';
import { searchOf } from './visit-household-search';

export interface PickedHousehold {
  id: number;
  householdNo: string;
  headName: string | null;
  villageCode: string;
  villageName: string;
  townshipName?: string;
}


const fromSummary = (h: HouseholdSummary): PickedHousehold => ({ id: h.id, householdNo: h.householdNo, headName: h.headName, villageCode: h.villageCode, villageName: h.villageName, townshipName: h.townshipName });

/**
 * A household in the user's scope, searched by head or member name, household number or ID number.
 * `onPicked` gets the household (with its village) when one is chosen, or null when cleared.
 */
export function VisitHouseholdSelect({ value, onChange, onPicked, testId }: { value?: number; onChange?: (v: number | undefined) => void; onPicked?: (h: PickedHousehold | null) => void; testId?: string }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<PickedHousehold[]>([]);
  const [searching, setSearching] = useState(false);
  const ticket = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A household given from outside (a link from a list): fetch its label once.
  useEffect(() => {
    if (!value || options.some((o) => o.id === value)) return;
    let cancelled = false;
    registryApi.profile(value).then(
      (p) => {
        if (cancelled) return;
        const head = p.members.find((m) => m.relation === 'HEAD');
        const h: PickedHousehold = { id: p.household.id, householdNo: p.household.householdNo, headName: head?.name ?? null, villageCode: p.household.villageCode, villageName: p.household.villageName, townshipName: p.household.townshipName };
        setOptions((os) => [h, ...os.filter((o) => o.id !== h.id)]);
        onPicked?.(h);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const search = (text: string) => {
    clearTimeout(timer.current);
    if (!text.trim()) return;
    timer.current = setTimeout(() => {
      const mine = ++ticket.current;
      setSearching(true);
      registryApi
        .search({ ...searchOf(text), page: 1, pageSize: 20, order: 'asc' })
        .then((r) => mine === ticket.current && setOptions(r.items.map(fromSummary)))
        .catch(() => mine === ticket.current && setOptions([]))
        .finally(() => mine === ticket.current && setSearching(false));
    }, 300);
  };

  return (
    <Select<number>
      data-testid={testId}
      showSearch
      allowClear
      value={value}
      filterOption={false}
      onSearch={search}
      notFoundContent={searching ? <Spin size="small" /> : t('monitoringPages.household.notFound')}
      placeholder={t('monitoringPages.household.placeholder')}
      onChange={(v) => {
        onChange?.(v);
        onPicked?.(options.find((o) => o.id === v) ?? null);
      }}
      options={options.map((o) => ({ value: o.id, label: `${o.householdNo} · ${o.headName ?? '—'} · ${o.townshipName ? `${o.townshipName} ` : ''}${o.villageName}` }))}
    />
  );
}
