import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { codeFromPrefix } from '../../ui/format';
import type { Me } from '../access/api';
import { useMe } from '../access/session';
import { divisionsApi, type Division } from './api';

/** The demo county, used as the starting point for users whose scope is the whole country. */
export const DEMO_COUNTY_CODE = '520527000000';
const STORAGE_KEY = 'rb.division';
const LEVEL_OF_PREFIX: Record<number, number> = { 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 };

interface CurrentDivisionState {
  /** The user's scope root (where the navigator starts). */
  root: Division | null;
  current: Division | null;
  setCurrent: (d: Division) => void;
}

const Ctx = createContext<CurrentDivisionState | null>(null);

function saved(userId: number, scopePrefix: string): Division | null {
  try {
    const d = JSON.parse(sessionStorage.getItem(`${STORAGE_KEY}.${userId}`) ?? 'null') as Division | null;
    return d && typeof d.code === 'string' && d.code.startsWith(scopePrefix) ? d : null;
  } catch {
    return null;
  }
}

/** The division pages start on for this user: the one last chosen in this tab, else the scope root (null for a nationwide scope, known only after a fetch). */
export function initialDivision(me: Pick<Me, 'id' | 'scopePrefix' | 'scopeName'>): Division | null {
  const scopeRoot: Division | null = me.scopePrefix
    ? { code: codeFromPrefix(me.scopePrefix), prefix: me.scopePrefix, name: me.scopeName, level: LEVEL_OF_PREFIX[me.scopePrefix.length] ?? 3 }
    : null;
  return saved(me.id, me.scopePrefix) ?? scopeRoot;
}

/**
 * Holds the division every page works on; the navigator and map drill-downs set it. The scope root
 * is known from the session at once (so pages can start their queries without waiting), and its
 * details are then fetched.
 */
export function CurrentDivisionProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const scopeRoot: Division | null = me.scopePrefix
    ? { code: codeFromPrefix(me.scopePrefix), prefix: me.scopePrefix, name: me.scopeName, level: LEVEL_OF_PREFIX[me.scopePrefix.length] ?? 3 }
    : null;
  const [root, setRoot] = useState<Division | null>(scopeRoot);
  const [current, setCurrentState] = useState<Division | null>(() => initialDivision(me));

  useEffect(() => {
    let cancelled = false;
    const rootCode = codeFromPrefix(me.scopePrefix) || DEMO_COUNTY_CODE;
    divisionsApi.get(rootCode).then(
      (r) => {
        if (cancelled) return;
        setRoot(r);
        setCurrentState((c) => (c === null || c.code === r.code ? r : c));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [me.id, me.scopePrefix]);

  const value = useMemo(
    () => ({
      root,
      current,
      setCurrent: (d: Division) => {
        sessionStorage.setItem(`${STORAGE_KEY}.${me.id}`, JSON.stringify({ code: d.code, prefix: d.prefix, name: d.name, level: d.level, parentCode: d.parentCode ?? null }));
        setCurrentState(d);
      },
    }),
    [root, current, me.id],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCurrentDivision(): CurrentDivisionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useCurrentDivision outside CurrentDivisionProvider');
  return s;
}
