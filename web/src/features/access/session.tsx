import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../../ui/api';
import { accessApi, type Me } from './api';

interface SessionState {
  /** undefined while the first /api/auth/me is in flight; null when signed out. */
  me: Me | null | undefined;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

let firstCheck: Promise<Me | null> | null = null;
/** The first check's answer once it has arrived (so the first render already knows who is signed in). */
let firstAnswer: Me | null | undefined;

/** Asks the server who is signed in; called once at start-up, before React renders, to save a round trip. */
export function checkSession(): Promise<Me | null> {
  firstCheck ??= accessApi.me().then(
    (m) => {
      setCsrfToken(m.csrfToken);
      return (firstAnswer = m);
    },
    (e: unknown) => {
      if (!(e instanceof ApiError) || e.status !== 401) console.warn('session check failed', e);
      return (firstAnswer = null);
    },
  );
  return firstCheck;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(() => firstAnswer);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setMe(null);
    });
    void checkSession().then(setMe);
    return () => setUnauthenticatedHandler(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const m = await accessApi.login(username, password);
    setCsrfToken(m.csrfToken);
    setMe(m);
    return m;
  }, []);

  const logout = useCallback(async () => {
    try {
      await accessApi.logout();
    } finally {
      setCsrfToken(null);
      setMe(null);
    }
  }, []);

  const value = useMemo(() => ({ me, login, logout }), [me, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user (only inside the shell, where someone is signed in). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
