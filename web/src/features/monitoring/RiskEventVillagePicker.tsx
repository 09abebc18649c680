import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../ui/errors';
import { divisionsApi, isLeafDivision, type Division } from '../divisions/api';
import { useCurrentDivision } from '../divisions/current-division';

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  level: number;
  selectable: boolean;
}

const toNode = (d: Division, pId: string | null): Node => ({ id: d.code, pId, value: d.code, title: d.name, isLeaf: isLeafDivision(d), level: d.level, selectable: d.level >= 5 });

/**
 * Villages picked from the division tree of the user's scope (children loaded when a node opens).
 * Several (checkboxes; a checked township stands for all its villages: `expandVillages` turns the
 * value into village codes) or, with `single`, one village.
 */
export function RiskEventVillagePicker<V extends string[] | string>({ value, onChange, testId, single }: { value?: V; onChange?: (v: V) => void; testId?: string; single?: boolean }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const { root } = useCurrentDivision();
  const [nodes, setNodes] = useState<Node[]>([]);

  useEffect(() => {
    if (!root) return;
    if (root.level >= 5) {
      setNodes([toNode(root, null)]);
      return;
    }
    divisionsApi.children(root.code).then((c) => setNodes(c.map((d) => toNode(d, null))), onError);
  }, [root, onError]);

  const loadData = async (node: { id?: string; value?: string | number }) => {
    const code = String(node.id ?? node.value);
    if (nodes.some((n) => n.pId === code)) return;
    try {
      const c = await divisionsApi.children(code);
      setNodes((ns) => [...ns.filter((n) => n.pId !== code), ...c.map((d) => toNode(d, code))]);
    } catch (e) {
      onError(e);
    }
  };

  return (
    <TreeSelect
      data-testid={testId}
      treeDataSimpleMode
      treeData={nodes}
      loadData={loadData}
      treeCheckable={!single}
      showCheckedStrategy={TreeSelect.SHOW_PARENT}
      value={value}
      onChange={(v: V) => onChange?.(v)}
      placeholder={t(single ? 'monitoringPages.feedback.villagePlaceholder' : 'monitoringPages.events.villagesPlaceholder')}
      maxTagCount={12}
      style={{ width: '100%' }}
      listHeight={360}
      // Not a virtual list: a county has a few hundred villages at most, and a virtual list leaves the
      // rows below the fold out of the page (found flaky by the browser journey).
      virtual={false}
      treeNodeFilterProp="title"
      showSearch
      allowClear
    />
  );
}

/** The village codes behind the picked codes (a township or county code is replaced by its villages). */
export async function expandVillages(codes: string[]): Promise<string[]> {
  const out = new Set<string>();
  const visit = async (code: string): Promise<void> => {
    const d = await divisionsApi.get(code);
    if (d.level >= 5) {
      out.add(d.code);
      return;
    }
    for (const c of await divisionsApi.children(code)) {
      if (c.level >= 5) out.add(c.code);
      else await visit(c.code);
    }
  };
  for (const code of codes) {
    if (/^\d{12}$/.test(code) && !code.endsWith('000')) out.add(code);
    else await visit(code);
  }
  return [...out];
}
