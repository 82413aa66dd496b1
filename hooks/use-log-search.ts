'use client';
// The log search's state: the query, which lines match (re-testing only new lines as the log grows), the
// current match, and jumps: to the newest match when the query changes, then previous/next.
import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import type { LogListHandle } from '@/components/engine/log-list';
import type { ClientLogLine } from '@/lib/client/log-level';
import { type SearchMemo, searchLines, stepMatch } from '@/lib/client/log-search';

export function useLogSearch(visible: ClientLogLine[], list: RefObject<LogListHandle | null>) {
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(-1);
  const memo = useRef<SearchMemo | null>(null);
  const showNewest = useRef(false);

  const matches = useMemo(() => {
    const result = searchLines(visible, query, memo.current);
    memo.current = result.memo;
    return result.indexes;
  }, [visible, query]);

  // After the query changed: show the newest match, the way a terminal's find does.
  useEffect(() => {
    if (!showNewest.current) return;
    showNewest.current = false;
    setCursor(matches.length - 1);
    const last = matches.at(-1);
    if (last !== undefined) list.current?.scrollToIndex(last);
  }, [matches, list]);

  const changeQuery = (next: string) => {
    setQuery(next);
    setCursor(-1);
    showNewest.current = true;
  };

  const step = (direction: 1 | -1) => {
    const next = stepMatch(cursor, matches.length, direction);
    setCursor(next);
    const index = matches[next];
    if (index !== undefined) list.current?.scrollToIndex(index);
  };

  const activeSeq = cursor >= 0 ? (visible[matches[cursor] ?? -1]?.seq ?? null) : null;
  return { query, changeQuery, matches, cursor, resetCursor: () => setCursor(-1), step, activeSeq };
}
