import { Fragment, type ReactNode } from 'react';
import './data-table.css';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers align to the end so their digits line up. */
  align?: 'start' | 'end';
  /** Fixed width (`8rem`, `20%`); the rest share what is left. */
  width?: string;
  /** Monospaced, for ids, files and versions. */
  mono?: boolean;
}

export interface DataTableProps<T> {
  /** Names the table for screen readers (there is no visible caption). */
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Extra content under a row, spanning all columns (e.g. the problems of that file). */
  detail?: (row: T) => ReactNode;
}

export function DataTable<T>({ label, columns, rows, rowKey, detail }: DataTableProps<T>) {
  return (
    <div className="table-scroll">
      <table className="table" aria-label={label}>
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={column.width ? { width: column.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.align === 'end' ? 'cell-end' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const extra = detail?.(row);
            return (
              <Fragment key={rowKey(row)}>
                <tr className={extra ? 'row-has-detail' : undefined}>
                  {columns.map((column) => (
                    <td key={column.key} className={cellClass(column)}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
                {extra ? (
                  <tr className="row-detail">
                    <td colSpan={columns.length}>{extra}</td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function cellClass(column: { align?: 'start' | 'end'; mono?: boolean }): string | undefined {
  const classes = [column.align === 'end' ? 'cell-end' : '', column.mono ? 'cell-mono' : ''].filter(Boolean);
  return classes.length ? classes.join(' ') : undefined;
}
