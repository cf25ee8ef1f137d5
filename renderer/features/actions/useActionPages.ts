import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ActionQuery, ActionRow, ApiError } from '../../../preload/contract';
import { send, subscribeToChanges } from '../../api';

const PAGE_SIZE = 100;

export interface ActionPages {
  /** How many actions match; undefined until the first answer. */
  total: number | undefined;
  error: ApiError | undefined;
  /** The row at an index, once its page has arrived. */
  rowAt(index: number): ActionRow | undefined;
  /** Tells which rows are in view, so their pages are fetched. */
  showRange(first: number, last: number): void;
}

interface Pages {
  key: string;
  total?: number;
  error?: ApiError;
  byNumber: Map<number, ActionRow[]>;
}

const pageNumbers = (first: number, last: number) => {
  const numbers: number[] = [];
  for (let n = Math.floor(first / PAGE_SIZE); n <= Math.floor(Math.max(first, last) / PAGE_SIZE); n++) numbers.push(n);
  return numbers;
};

/**
 * The actions of a query, fetched a page at a time as the table scrolls: a list of
 * 10 000 actions costs the page in view, not the whole list. A new query or a change of
 * the data fetches the pages in view again; answers to an older request are dropped.
 */
export function useActionPages(query: ActionQuery): ActionPages {
  const key = JSON.stringify(query);
  const [pages, setPages] = useState<Pages>({ key, byNumber: new Map() });
  const loaded = useRef(pages);
  useLayoutEffect(() => {
    loaded.current = pages;
  });
  const inView = useRef<[number, number]>([0, PAGE_SIZE - 1]);
  const generation = useRef(0);
  const requested = useRef(new Set<number>());

  const fetchPages = useCallback(
    (numbers: number[]) => {
      const current = generation.current;
      for (const n of numbers) {
        if (requested.current.has(n)) continue;
        requested.current.add(n);
        void send('queryActions', JSON.parse(key) as ActionQuery, { offset: n * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
          if (current !== generation.current) return;
          requested.current.delete(n);
          setPages((previous) => {
            if (!result.ok) return { ...previous, key, error: result.error };
            const byNumber = new Map(previous.key === key ? previous.byNumber : []);
            byNumber.set(n, result.value.rows);
            return { key, total: result.value.total, byNumber };
          });
        });
      }
    },
    [key],
  );

  const refresh = useCallback(() => {
    generation.current++;
    requested.current.clear();
    const visible = pageNumbers(...inView.current);
    // Pages out of view are dropped (they may be stale); those in view stay shown until replaced.
    setPages((previous) => ({ ...previous, byNumber: new Map([...previous.byNumber].filter(([n]) => visible.includes(n))) }));
    fetchPages(visible);
  }, [fetchPages]);

  useEffect(() => {
    inView.current = [0, PAGE_SIZE - 1]; // a new query is shown from its first row
  }, [key]);

  useEffect(() => {
    refresh();
    return subscribeToChanges(refresh);
  }, [refresh]);

  const showRange = useCallback(
    (first: number, last: number) => {
      inView.current = [first, last];
      fetchPages(pageNumbers(first, last).filter((n) => loaded.current.key !== key || !loaded.current.byNumber.has(n)));
    },
    [fetchPages, key],
  );

  const current = pages.key === key;
  return {
    total: current ? pages.total : undefined,
    error: current ? pages.error : undefined,
    rowAt: (index) => (current ? pages.byNumber.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] : undefined),
    showRange,
  };
}
