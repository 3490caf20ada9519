import { useId, useMemo } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import type { CrmField } from '../../../shared/ipc/contract';
import { formatValue } from '../columns';

type Row = Record<string, unknown>;

/** An accessible table of CRM records: caption, column headers, one row per record. */
export function RecordsTable({ caption, fields, records }: { caption: string; fields: CrmField[]; records: Row[] }) {
  const captionId = useId();
  const columns = useMemo<ColumnDef<Row>[]>(
    () =>
      fields.map((f) => ({
        id: f.apiName,
        header: f.label,
        accessorFn: (row: Row) => row[f.apiName],
        cell: (ctx) => formatValue(ctx.getValue(), f.dataType),
      })),
    [fields],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is used as documented.
  const table = useReactTable({
    data: records,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row, index) => (typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id) : String(index)),
  });

  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="records">
        <caption id={captionId}>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
