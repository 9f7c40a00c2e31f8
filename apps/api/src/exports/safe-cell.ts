// Formula injection (CSV/Excel): a cell a spreadsheet would read as a formula gets a leading
// apostrophe, so text that came from users (names, reasons, import errors) is never executed.
const formulaStart = /^[=+\-@\t\r]/;

export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' && formulaStart.test(value) ? `'${value}` : value;
}

export function safeRow(values: unknown[]): unknown[] {
  return values.map((value) => safeCell(value));
}
