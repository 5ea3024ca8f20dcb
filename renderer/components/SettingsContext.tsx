import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Settings } from '../../electron/core/contract/index.js';
import { desk } from '../rpc';

interface SettingsState {
  settings: Settings | undefined;
  error: unknown;
  /** Replace the shared copy after a save (the header shows bureau and operator). */
  setSettings: (s: Settings) => void;
  reload: () => void;
}

const Ctx = createContext<SettingsState>({ settings: undefined, error: null, setSettings: () => {}, reload: () => {} });

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    desk.call('settings.get', {}).then(
      (s) => {
        setSettings(s);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, []);
  useEffect(reload, [reload]);
  const value = useMemo(() => ({ settings, error, setSettings, reload }), [settings, error, reload]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useSettings = (): SettingsState => useContext(Ctx);
