import { desk } from '../rpc';
import { useRemote } from './useRemote';

/** The years whose archive is sealed (read-only); empty while loading or when the call fails. */
export function useSealedYears(): ReadonlySet<number> {
  const sealed = useRemote(() => desk.call('archive.sealedYears', {}), []);
  return new Set(sealed.data ?? []);
}
