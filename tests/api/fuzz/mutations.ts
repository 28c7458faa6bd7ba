import fc from 'fast-check';
import { HOSTILE_CHARS, IMPOSSIBLE_DATES, notJson, pollutingKey, wrongValue } from './hostile';
import { isObject, RawJson, toJsonText } from './json-text';

/**
 * The breakers: each mutation picks one node of a valid-looking input (`at`, modulo the number of
 * nodes, so that any number is a valid choice and shrinking stays meaningful) and breaks it.
 */

export type Mutation =
  | { kind: 'retype'; at: number; value: unknown }
  | { kind: 'drop'; at: number }
  | { kind: 'extra'; at: number; key: string; value: unknown }
  | { kind: 'chars'; at: number; pos: number; chars: string }
  | { kind: 'date'; at: number; value: string }
  | { kind: 'huge'; at: number; shape: 'string' | 'array' | 'deep'; unit: string; size: number };

type Path = (string | number)[];

const MB = 1 << 20;

function paths(value: unknown, at: Path = []): Path[] {
  const children = Array.isArray(value)
    ? value.flatMap((v, i) => paths(v, [...at, i]))
    : isObject(value)
      ? Object.keys(value).flatMap((key) => paths(value[key], [...at, key]))
      : [];
  return [at, ...children];
}

function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** A copy of `value` with the node at `path` replaced by what `edit` makes of it (undefined drops it). */
function update(value: unknown, path: Path, edit: (node: unknown) => unknown): unknown {
  if (path.length === 0) return edit(value);
  const [key, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = update(copy[key as number], rest, edit);
    if (next === undefined && rest.length === 0) copy.splice(key as number, 1);
    else copy[key as number] = next;
    return copy;
  }
  // Spread copies an own `__proto__` key as a key, where assignment would set the prototype.
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  define(copy, String(key), update(copy[key], rest, edit));
  return copy;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const hugeCache = new Map<string, RawJson>();

function huge(shape: 'string' | 'array' | 'deep', unit: string, size: number, node: unknown): RawJson {
  // An array repeats the node's own first element, so that each of the 100k elements needs parsing.
  const element = Array.isArray(node) && node.length > 0 ? toJsonText(node[0]) : unit;
  const key = `${shape}:${unit}:${size}:${shape === 'array' ? element : ''}`;
  let raw = hugeCache.get(key);
  if (!raw) {
    if (shape === 'string') raw = new RawJson(JSON.stringify(unit.repeat(size)));
    else if (shape === 'array')
      raw = new RawJson(`[${new Array<string>(size).fill(element.length > 2000 ? unit : element).join(',')}]`);
    else
      raw = new RawJson(
        unit === '[' ? `${'['.repeat(size)}${']'.repeat(size)}` : `${'{"a":'.repeat(size)}1${'}'.repeat(size)}`,
      );
    hugeCache.set(key, raw);
  }
  return raw;
}

export function applyMutations(input: unknown, mutations: readonly Mutation[]): unknown {
  let value = input;
  for (const m of mutations) {
    const all = paths(value);
    const path = all[m.at % all.length];
    if (m.kind === 'retype') value = update(value, path, () => m.value);
    else if (m.kind === 'drop') value = update(value, path, () => undefined);
    else if (m.kind === 'date') value = update(value, path, () => m.value);
    else if (m.kind === 'huge') value = update(value, path, (node) => huge(m.shape, m.unit, m.size, node));
    else if (m.kind === 'chars') {
      value = update(value, path, (node) =>
        typeof node === 'string'
          ? node.slice(0, m.pos % (node.length + 1)) + m.chars + node.slice(m.pos % (node.length + 1))
          : m.chars,
      );
    } else {
      const target = isObject(get(value, path)) ? path : path.slice(0, -1);
      value = update(value, target, (node) => {
        const copy: Record<string, unknown> = isObject(node) ? { ...node } : {};
        define(copy, m.key, m.value);
        return copy;
      });
    }
  }
  return value;
}

const at = fc.nat({ max: 1000 });

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('retype' as const),
      at,
      value: fc.oneof({ weight: 9, arbitrary: wrongValue }, notJson),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('drop' as const), at }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('extra' as const), at, key: pollutingKey, value: wrongValue }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('chars' as const),
      at,
      pos: fc.nat({ max: 100 }),
      chars: fc.array(fc.constantFrom(...HOSTILE_CHARS), { minLength: 1, maxLength: 4 }).map((c) => c.join('')),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('date' as const), at, value: fc.constantFrom(...IMPOSSIBLE_DATES) }),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.record({
        kind: fc.constant('huge' as const),
        at,
        shape: fc.constant('string' as const),
        unit: fc.constantFrom('x', '中', '\u200B', '\uD800'),
        size: fc.constant(MB),
      }),
      fc.record({
        kind: fc.constant('huge' as const),
        at,
        shape: fc.constant('array' as const),
        unit: fc.constantFrom('0', '"x"', 'null', '{}'),
        size: fc.constant(100_000),
      }),
      fc.record({
        kind: fc.constant('huge' as const),
        at,
        shape: fc.constant('deep' as const),
        unit: fc.constantFrom('[', '{'),
        size: fc.constantFrom(1_000, 10_000, 100_000),
      }),
    ),
  },
);
