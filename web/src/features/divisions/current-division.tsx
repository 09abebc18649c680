import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { codeFromPrefix } from '../../ui/format';
import { useMe } from '../access/session';
import { divisionsApi, type Division } from './api';

/** The demo county, used as the starting point for users whose scope is the whole country. */
export const DEMO_COUNTY_CODE = '520527000000';
const STORAGE_KEY = 'rb.division';

interface CurrentDivisionState {
  /** The user's scope root (where the navigator starts). */
  root: Division | null;
  current: Division | null;
  setCurrent: (d: Division) => void;
}

const Ctx = createContext<CurrentDivisionState | null>(null);

/** Holds the division every page works on; the navigator and map drill-downs set it. */
export function CurrentDivisionProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const [root, setRoot] = useState<Division | null>(null);
  const [current, setCurrentState] = useState<Division | null>(null);

  useEffect(() => {
    const rootCode = codeFromPrefix(me.scopePrefix) || DEMO_COUNTY_CODE;
    let cancelled = false;
    (async () => {
      const r = await divisionsApi.get(rootCode).catch(() => null);
      if (cancelled) return;
      setRoot(r);
      const saved = sessionStorage.getItem(`${STORAGE_KEY}.${me.id}`);
      if (saved && saved !== rootCode && saved.startsWith(me.scopePrefix)) {
        const d = await divisionsApi.get(saved).catch(() => null);
        if (!cancelled) setCurrentState(d ?? r);
      } else setCurrentState(r);
    })();
    return () => {
      cancelled = true;
    };
  }, [me.id, me.scopePrefix]);

  const value = useMemo(
    () => ({
      root,
      current,
      setCurrent: (d: Division) => {
        sessionStorage.setItem(`${STORAGE_KEY}.${me.id}`, d.code);
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
