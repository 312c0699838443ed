/**
 * Python's `json.dumps` (default separators, ensure_ascii) and `repr` for the values a job
 * carries, so a message written here has the bytes Python's own client would write.
 */

export type PythonValue = null | boolean | number | string | PythonValue[] | { [key: string]: PythonValue };

/** `repr(float)`: the shortest round-trip digits, as JavaScript's, but Python's exponent rules and style. */
export function pythonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} has no JSON form`);
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e16) return String(value);
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
}

/** `json.dumps(str)` with ensure_ascii: everything outside printable ASCII as \uXXXX escapes. */
export function pythonJsonString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `json.dumps`'s `separators`: between items, and between a key and its value. */
export type PythonSeparators = readonly [item: string, key: string];
const DEFAULT_SEPARATORS: PythonSeparators = [', ', ': '];

/** `json.dumps(value, separators=...)` as Python writes it; by default `, ` and `: ` between items. */
export function pythonJson(value: PythonValue, separators: PythonSeparators = DEFAULT_SEPARATORS): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'string') return pythonJsonString(value);
  const [item, key] = separators;
  if (Array.isArray(value)) return `[${value.map((v) => pythonJson(v, separators)).join(item)}]`;
  return `{${Object.entries(value)
    .map(([name, v]) => `${pythonJsonString(name)}${key}${pythonJson(v, separators)}`)
    .join(item)}}`;
}

/** `repr(tuple)` of numbers, as Celery writes a task's `argsrepr`: `()`, `(200,)`, `(1, 2)`. */
export function pythonTupleRepr(values: readonly number[]): string {
  const items = values.map(pythonNumber);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}
