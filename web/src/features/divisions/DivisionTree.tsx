import { Tree, Typography } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../ui/errors';
import { divisionsApi, isLeafDivision, type Division } from './api';
import { useCurrentDivision } from './current-division';

type Node = DataNode & { division: Division };

const toNode = (d: Division): Node => ({ key: d.code, title: d.name, isLeaf: isLeafDivision(d), division: d });

function replaceChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === key ? { ...n, children, isLeaf: children.length === 0 } : n.children ? { ...n, children: replaceChildren(n.children as Node[], key, children) } : n,
  );
}

/** The division navigator: the user's scope root, children loaded when a node opens. */
export function DivisionTree() {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const { root, current, setCurrent } = useCurrentDivision();
  const [nodes, setNodes] = useState<Node[]>([]);
  const [expanded, setExpanded] = useState<React.Key[]>([]);

  const rootCode = root?.code;
  useEffect(() => {
    if (!root) return;
    setNodes([toNode(root)]);
    setExpanded([root.code]);
    if (!isLeafDivision(root)) divisionsApi.children(root.code).then((c) => setNodes((ns) => replaceChildren(ns, root.code, c.map(toNode))), onError);
    // Only when the root itself changes (its details arriving later must not reload the tree).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rootCode, onError]);

  const loadData = async (node: EventDataNode<Node>) => {
    if (node.children) return;
    try {
      const c = await divisionsApi.children(String(node.key));
      setNodes((ns) => replaceChildren(ns, String(node.key), c.map(toNode)));
    } catch (e) {
      onError(e);
    }
  };

  if (!root) return <Typography.Text type="secondary" style={{ padding: 12, display: 'block' }}>{t('common.loading')}</Typography.Text>;
  return (
    <Tree<Node>
      data-testid="division-tree"
      treeData={nodes}
      loadData={loadData}
      expandedKeys={expanded}
      onExpand={setExpanded}
      selectedKeys={current ? [current.code] : []}
      onSelect={(_, info) => info.node && setCurrent(info.node.division)}
      blockNode
      style={{ padding: '8px 4px' }}
    />
  );
}
