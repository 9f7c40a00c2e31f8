import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from './use-debounced-value.ts';

/**
 * A search box kept in the address: the box shows what is typed at once, `write` puts the text in
 * the address once it has stopped changing, and Back or a link that changes `q` shows its text in
 * the box (our own writes are not echoed back into it).
 */
export function useUrlSearch(q: string | undefined, write: (q: string | null) => void, delay = 300) {
  const [search, setSearch] = useState(q ?? '');
  const debounced = useDebouncedValue(search.trim(), delay);
  const written = useRef(q ?? '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text is written
  useEffect(() => {
    if (debounced === (q ?? '')) return;
    written.current = debounced;
    write(debounced || null);
  }, [debounced]);
  useEffect(() => {
    // Back or a link changed the search: show it
    if ((q ?? '') !== written.current) {
      written.current = q ?? '';
      setSearch(q ?? '');
    }
  }, [q]);
  return { search, setSearch, debounced };
}
