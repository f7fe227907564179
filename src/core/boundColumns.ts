import { DEFICITS_TABLE } from "./deficits";
import { FOLLOW_UP_TABLE } from "./followUp";
import { MEASURES_TABLE } from "./measures";
import { findPerYearColumns } from "./perYear";
import { CellValue, locateColumns, TableSpec } from "./tables";
import { foldText } from "./text";
import { AGREEMENTS_TABLE, COSTS_TABLE, ORDER_TABLE, TRANSFERS_TABLE } from "./transferTables";

/** Each Balans table's spec, and the columns its reader takes beside the spec's (per-year). */
const READERS: { spec: TableSpec; also?: (headers: readonly CellValue[]) => number[] }[] = [
  {
    spec: MEASURES_TABLE,
    also: (headers) => findPerYearColumns(headers).map((c) => c.index),
  },
  { spec: DEFICITS_TABLE },
  { spec: FOLLOW_UP_TABLE },
  { spec: TRANSFERS_TABLE },
  { spec: AGREEMENTS_TABLE },
  { spec: COSTS_TABLE },
  { spec: ORDER_TABLE },
];

/**
 * The 0-based columns of a table (by its header row) that Balans reads, in order, bound as the
 * engine binds them (`bindTable`, per-year columns): a host need read no other column. Undefined
 * means every column: a table Balans has no reader for, or a header row the engine will reject
 * (two columns for one year), whose error names the headers as written.
 */
export function boundColumns(
  tableName: string,
  headers: readonly CellValue[]
): number[] | undefined {
  const reader = READERS.find((r) => foldText(r.spec.name) === foldText(tableName));
  if (!reader) return undefined;
  let also: number[];
  try {
    also = reader.also?.(headers) ?? [];
  } catch {
    return undefined;
  }
  const at = new Set([...locateColumns(reader.spec, headers).values(), ...also]);
  return [...at].sort((a, b) => a - b);
}
