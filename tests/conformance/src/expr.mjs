// Parsing of Pulumi YAML expression syntax: `${root.prop[0]["key"]}` interpolations, `$$` escapes
// and `fn::` built-in calls.

/**
 * Splits a YAML string into literal text and `${...}` references, as pulumi-yaml's
 * ast/interpolation.go parseInterpolate does: `$$` is one literal `$`, `${` starts a property
 * access, any other `$` is literal.
 * Returns an array of parts: { text } or { ref: { root, path, source } }.
 * Throws Error with pulumi-yaml's message on a malformed or empty access.
 */
export function parseInterpolation(str) {
  const parts = [];
  let text = '';
  let i = 0;
  while (i < str.length) {
    if (str.startsWith('$$', i)) {
      text += '$';
      i += 2;
    } else if (str.startsWith('${', i)) {
      const { ref, next } = parsePropertyAccess(str, i + 2);
      if (text) parts.push({ text });
      text = '';
      parts.push({ ref });
      i = next;
    } else {
      text += str[i];
      i += 1;
    }
  }
  if (text || parts.length === 0) parts.push({ text });
  // ast/expr.go InterpolateSyntax
  if (parts.some((p) => p.ref && p.ref.root === undefined)) throw new Error('Property access expressions cannot be empty');
  return parts;
}

/**
 * Parses the access after `${` up to its `}` following ast/property.go parsePropertyAccess (a loose
 * grammar): `.` separators are skipped, a name runs to the next `.`, `[` or `}` (spaces, quotes and
 * colons included), `["..."]` is a quoted key with `\"` as the only escape, `[n]` an integer index
 * that may not be the root.
 * Returns { ref: { root, path: [{prop}|{index}], quotedRoot, source }, next } (next: index after `}`).
 */
function parsePropertyAccess(str, from) {
  const accessors = [];
  let i = from;
  while (i < str.length) {
    const c = str[i];
    if (c === '}') {
      const [first, ...path] = accessors;
      const ref = { root: first?.prop, quotedRoot: first?.quoted === true, path: path.map(({ prop, index }) => (prop !== undefined ? { prop } : { index })), source: str.slice(from, i) };
      return { ref, next: i + 1 };
    }
    if (c === '.') {
      i += 1;
    } else if (c === '[') {
      if (str[i + 1] === '"') {
        let key = '';
        let j = i + 2;
        for (;;) {
          if (j >= str.length) throw new Error('missing closing quote in property name');
          if (str[j] === '"') {
            j += 1;
            break;
          }
          if (str[j] === '\\' && str[j + 1] === '"') {
            key += '"';
            j += 2;
          } else {
            key += str[j];
            j += 1;
          }
        }
        if (str[j] !== ']') throw new Error('missing closing bracket in property access');
        accessors.push({ prop: key, quoted: true });
        i = j + 1;
      } else {
        const close = str.indexOf(']', i);
        if (close < 0) throw new Error('missing closing bracket in list index');
        const digits = str.slice(i + 1, close);
        // Go's strconv.ParseInt(s, 10, 0): optional sign, decimal digits, 64-bit range
        if (!/^[+-]?[0-9]+$/.test(digits) || !Number.isSafeInteger(Number(digits))) throw new Error('invalid list index');
        if (accessors.length === 0) throw new Error('the root property must be a string subscript or a name');
        accessors.push({ index: Number(digits) });
        i = close + 1;
      }
    } else {
      let j = i;
      while (j < str.length && !'.[}'.includes(str[j])) j++;
      accessors.push({ prop: str.slice(i, j) });
      i = j;
    }
  }
  throw new Error('unterminated interpolation');
}

/** True when `v` is a single-key map whose key starts with `fn::` (case-insensitive). */
export function builtinName(v) {
  if (!isPlainObject(v)) return null;
  const keys = Object.keys(v);
  if (keys.length !== 1 || !/^fn::/i.test(keys[0])) return null;
  return keys[0].toLowerCase();
}

export function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Reads a key of a map case-insensitively (Pulumi YAML accepts `Function`/`function`). */
export function getKeyCI(obj, key) {
  if (!isPlainObject(obj)) return undefined;
  const k = Object.keys(obj).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : obj[k];
}

/** Every `${root...}` reference inside a value (strings anywhere, including builtin args). */
export function collectRefs(value, out = []) {
  if (typeof value === 'string') {
    if (value.includes('$')) {
      try {
        for (const p of parseInterpolation(value)) if (p.ref) out.push(p.ref);
      } catch {
        /* reported by the engine pass */
      }
    }
  } else if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, out);
  } else if (isPlainObject(value)) {
    for (const v of Object.values(value)) collectRefs(v, out);
  }
  return out;
}
