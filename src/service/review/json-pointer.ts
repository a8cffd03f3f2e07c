/**
 * RFC 6901 JSON Pointers, just enough for reviewer corrections: read a value and
 * set one where its parent already exists.
 */

export class PointerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PointerError';
  }
}

export function tokensFromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PointerError(`"${pointer}" is not a JSON Pointer (must start with "/")`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `pointer`, or undefined when any step is missing. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const token of tokensFromPointer(pointer)) {
    if (Array.isArray(node)) node = isIndex(token) ? node[Number(token)] : undefined;
    else if (isObject(node)) node = Object.hasOwn(node, token) ? node[token] : undefined;
    else return undefined;
  }
  return node;
}

/**
 * Sets the value at `pointer` in place. Object members may be added; array
 * elements may be replaced, or appended with "-" (or index === length).
 */
export function setAtPointer(root: unknown, pointer: string, value: unknown): void {
  const tokens = tokensFromPointer(pointer);
  if (tokens.length === 0) throw new PointerError('the whole record cannot be replaced');
  const last = tokens.pop()!;
  const parent = valueAtPointer(
    root,
    tokens
      .map(escapeToken)
      .map((t) => `/${t}`)
      .join(''),
  );
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : isIndex(last) ? Number(last) : NaN;
    if (!(index >= 0 && index <= parent.length)) throw new PointerError(`${pointer}: no array element "${last}"`);
    parent[index] = value;
  } else if (isObject(parent)) {
    parent[last] = value;
  } else {
    throw new PointerError(`${pointer}: parent does not exist or is not an object or array`);
  }
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isIndex(token: string): boolean {
  return /^(0|[1-9]\d*)$/.test(token);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
