import fc from 'fast-check';

/**
 * Bodies are written here, not by JSON.stringify, so that a mutation can splice in JSON that no JS
 * value stringifies to: nesting deeper than JSON.stringify survives, 1e400, -0, text that is no JSON.
 */

/** A fragment of JSON text, written into the body as it is. */
export class RawJson {
  constructor(readonly text: string) {}
  [fc.toStringMethod](): string {
    return `raw(${this.text})`;
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RawJson);

export function toJsonText(value: unknown): string {
  if (value === undefined) return '';
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : toJsonText(v))).join(',')}]`;
  if (isObject(value)) {
    const parts = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${toJsonText(value[key])}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
