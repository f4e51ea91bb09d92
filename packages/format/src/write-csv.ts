/** A cell: text as it is stored, an exact decimal string, a date (written as UTC ISO-8601), or empty. */
export type CsvCell = string | number | Date | null | undefined;

// A spreadsheet takes a cell starting with one of these for a formula (OWASP "CSV injection"); tab and carriage
// return are on OWASP's list too, as some programs skip them before looking.
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString();
  const text = String(cell);
  // Decimals and ISO times never start with one of these (volumes, prices and totals are positive), so the guard
  // changes only text a person typed.
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * RFC 4180 text: a header row, then one line per row, CRLF after every line; a field with a comma, quote or line
 * break is quoted and its quotes doubled. Values are written as stored, never formatted or rounded.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(cellText).join(",")}\r\n`).join("");
}
