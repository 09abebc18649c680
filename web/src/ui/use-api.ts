import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` whenever `key` changes (null = do nothing) and keeps the latest answer; answers to
 * superseded keys are dropped, so fast typing in a filter never shows stale rows.
 */
export function useApi<T>(key: string | null, load: () => Promise<T>, options: { /** An answer for the first key already at hand (e.g. prefetched): shown at once, not asked again. */ initial?: T } = {}): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError | Error; loading: boolean }>(() =>
    options.initial !== undefined ? { data: options.initial, loading: false } : { loading: key !== null },
  );
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const skipFirst = useRef(options.initial !== undefined);

  useEffect(() => {
    if (key === null) return;
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    loadRef.current().then(
      (data) => ticket === latest.current && setState({ data, loading: false }),
      (error: ApiError | Error) => ticket === latest.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
