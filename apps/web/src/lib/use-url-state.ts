import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Page state kept in the address (`?cycle=…&unit=…&q=…&open=…`), so Back returns to the same view
 * and a view can be linked. Filters and the open item push a history entry; typing replaces it.
 */
export function useUrlState<Key extends string>(keys: readonly Key[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? undefined])) as Record<
    Key,
    string | undefined
  >;
  const update = useCallback(
    (changes: Partial<Record<Key, string | null | undefined>>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes) as [Key, string | null | undefined][]) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );
  return [values, update] as const;
}
