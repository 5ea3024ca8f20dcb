import { useCallback, useState } from 'react';

/** The saving flag and last error around one async action (a form's save). `run` never throws. */
export function useSubmit(): {
  saving: boolean;
  error: unknown;
  setError: (err: unknown) => void;
  run: (action: () => Promise<void>, onError?: (err: unknown) => void) => Promise<void>;
} {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<void>, onError?: (err: unknown) => void) => {
    setSaving(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      onError?.(err);
      setError(err);
    } finally {
      setSaving(false);
    }
  }, []);
  return { saving, error, setError, run };
}
