/**
 * Lists the API pages with signed cursors (`next`): a table that stays readable at 390 px (it scrolls inside
 * its own labelled, focusable region instead of the page), and the paging state and its buttons (the API pages
 * forward only: the app keeps the cursors it has seen, so "previous" is a page it already read).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useApp } from './ui';

export interface Column<T> {
  /** The header's text. */
  label: string;
  cell: (row: T) => ComponentChildren;
  /** Numbers read right-aligned. */
  numeric?: boolean;
}

/** A data table with a caption (its accessible name); wide tables scroll inside their region, never the page. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
}: {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty?: string;
}) {
  if (!rows.length && empty) return <p class="meta">{empty}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section class="table-wrap" aria-label={caption} tabIndex={0}>
      <table class="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" class={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.label} class={c.numeric ? 'num' : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The cursor of the page shown, and the way forward and back (reset it when the filters change). */
export function useCursorPages() {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const cursor = stack[stack.length - 1];
  return {
    cursor,
    page: stack.length,
    next: (c: string) => setStack((s) => [...s, c]),
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    reset: () => setStack([undefined]),
  };
}

/** "Halaman sebelumnya / berikutnya" under a list. */
export function Pager({
  page,
  next,
  onNext,
  onPrevious,
  label,
}: {
  page: number;
  next: string | null | undefined;
  onNext: (c: string) => void;
  onPrevious: () => void;
  label: string;
}) {
  const { m } = useApp();
  if (page <= 1 && !next) return null;
  return (
    <nav class="pager actions" aria-label={label}>
      <button type="button" class="secondary" disabled={page <= 1} onClick={onPrevious}>
        {m.hrConsole.pager.previous}
      </button>
      <span class="meta" aria-live="polite">
        {m.hrConsole.pager.page} {page}
      </span>
      <button type="button" class="secondary" disabled={!next} onClick={() => next && onNext(next)}>
        {m.hrConsole.pager.next}
      </button>
    </nav>
  );
}
