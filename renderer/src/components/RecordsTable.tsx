import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { CrmField } from '../../../shared/ipc/contract';
import { formatValue } from '../columns';
import { usePresentation } from '../presentation/PresentationContext';

type Row = Record<string, unknown>;

const ROW_HEIGHT = 34;
/** Where layout can't be measured (tests, a hidden tab), lay out as if the table had this height. */
const FALLBACK_RECT = { width: 960, height: 480 };

function measured(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || FALLBACK_RECT.width, height: FALLBACK_RECT.height }));
}

interface Props {
  caption: string;
  fields: CrmField[];
  records: Row[];
  /** Offer sorting, the column chooser and cell copying (the API console). */
  tools?: boolean;
}

/**
 * A table of CRM records, virtualised (TanStack Table + Virtual): only the rows in view are
 * in the DOM, and aria-rowcount / aria-rowindex tell assistive technology where they are.
 * Sortable by clicking a header, columns chosen in "Columns", a cell copied with Ctrl/Cmd+C
 * after clicking it (or with the Copy cell button).
 */
export function RecordsTable({ caption, fields, records, tools = false }: Props) {
  const uid = useId();
  const captionId = `${uid}-caption`;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [visibility, setVisibility] = useState<VisibilityState>({});
  const [active, setActive] = useState<{ row: number; col: string } | null>(null);
  const [copied, setCopied] = useState('');
  const presentation = usePresentation();

  const columns = useMemo<ColumnDef<Row>[]>(
    () =>
      fields.map((f) => ({
        id: f.apiName,
        header: f.label,
        accessorFn: (row: Row) => row[f.apiName],
        // Everything shown (and copied) passes through presentation mode's mask.
        cell: (ctx) => formatValue(presentation.field(f.apiName, ctx.getValue(), f.dataType), f.dataType),
        sortingFn: (a, b, id) => {
          const x = formatValue(a.getValue(id));
          const y = formatValue(b.getValue(id));
          const nx = Number(x);
          const ny = Number(y);
          if (x !== '' && y !== '' && Number.isFinite(nx) && Number.isFinite(ny)) return nx - ny;
          return x.localeCompare(y);
        },
      })),
    [fields, presentation],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is used as documented.
  const table = useReactTable({
    data: records,
    columns,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
    enableSorting: tools,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row, index) => (typeof row.id === 'string' || typeof row.id === 'number' ? `${String(row.id)}-${index}` : String(index)),
  });
  const rows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns();

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: FALLBACK_RECT,
    observeElementRect: measured,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  function cellText(rowIndex: number, colId: string): string {
    const row = rows[rowIndex];
    if (!row) return '';
    const field = fields.find((f) => f.apiName === colId);
    return formatValue(presentation.field(colId, row.getValue(colId), field?.dataType), field?.dataType);
  }

  async function copyActive() {
    if (!active) return;
    const text = cellText(active.row, active.col);
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`Copied “${text.length > 40 ? `${text.slice(0, 40)}…` : text}”.`);
    } catch {
      setCopied('Could not copy: the system clipboard is not available.');
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (!tools) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && active) {
      e.preventDefault();
      void copyActive();
      return;
    }
    if (!active) return;
    const colIds = visibleColumns.map((c) => c.id);
    const ci = colIds.indexOf(active.col);
    let next = active;
    if (e.key === 'ArrowDown') next = { ...active, row: Math.min(rows.length - 1, active.row + 1) };
    else if (e.key === 'ArrowUp') next = { ...active, row: Math.max(0, active.row - 1) };
    else if (e.key === 'ArrowRight') next = { ...active, col: colIds[Math.min(colIds.length - 1, ci + 1)]! };
    else if (e.key === 'ArrowLeft') next = { ...active, col: colIds[Math.max(0, ci - 1)]! };
    else return;
    e.preventDefault();
    setActive(next);
    virtualizer.scrollToIndex(next.row);
  }

  return (
    <div className="records-table">
      {tools ? (
        <div className="table-tools">
          <details className="column-chooser">
            <summary>
              Columns ({visibleColumns.length} of {fields.length})
            </summary>
            <fieldset>
              <legend className="sr-only">Columns to show</legend>
              {table.getAllLeafColumns().map((column) => (
                <label key={column.id} className="check">
                  <input
                    type="checkbox"
                    checked={column.getIsVisible()}
                    disabled={column.getIsVisible() && visibleColumns.length === 1}
                    onChange={column.getToggleVisibilityHandler()}
                  />{' '}
                  {String(column.columnDef.header)}
                </label>
              ))}
            </fieldset>
          </details>
          <button type="button" className="button secondary small" onClick={() => void copyActive()} disabled={!active}>
            Copy cell
          </button>
          <span className="muted small" role="status">
            {copied || (active ? `Selected: row ${active.row + 1}, ${String(table.getColumn(active.col)?.columnDef.header ?? active.col)}` : 'Click a cell to select it; Ctrl+C copies it.')}
          </span>
        </div>
      ) : null}
      <div ref={scrollRef} className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0} onKeyDown={onKeyDown}>
        <table
          className={tools ? 'records fixed' : 'records'}
          aria-rowcount={rows.length + 1}
          aria-colcount={visibleColumns.length}
          style={tools ? { minWidth: `${visibleColumns.length * 9}rem` } : undefined}
        >
          <caption id={captionId}>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={tools ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
                    >
                      {tools ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {top > 0 ? (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={visibleColumns.length} style={{ height: top, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <tr key={row.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  {row.getVisibleCells().map((cell) => {
                    const isActive = active?.row === item.index && active.col === cell.column.id;
                    return (
                      <td
                        key={cell.id}
                        className={isActive ? 'active-cell' : undefined}
                        onClick={tools ? () => setActive({ row: item.index, col: cell.column.id }) : undefined}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {bottom > 0 ? (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={visibleColumns.length} style={{ height: bottom, padding: 0, border: 0 }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
