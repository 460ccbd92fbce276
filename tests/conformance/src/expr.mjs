// Parsing of Pulumi YAML expression syntax: `${root.prop[0]["key"]}` interpolations,
// `$${` escapes and `fn::` built-in calls.

/**
 * Splits a YAML string into literal text and `${...}` references.
 * Returns an array of parts: { text } or { ref: { root, path, source } }.
 * Throws Error on an unterminated `${`.
 */
export function parseInterpolation(str) {
  const parts = [];
  let text = '';
  let i = 0;
  while (i < str.length) {
    if (str.startsWith('$${', i)) {
      text += '${';
      i += 3;
    } else if (str.startsWith('${', i)) {
      const end = findClose(str, i + 2);
      if (end < 0) throw new Error(`unterminated \${ in "${str}"`);
      if (text) parts.push({ text });
      text = '';
      parts.push({ ref: parseAccess(str.slice(i + 2, end)) });
      i = end + 1;
    } else {
      text += str[i];
      i += 1;
    }
  }
  if (text || parts.length === 0) parts.push({ text });
  return parts;
}

function findClose(str, from) {
  let quote = null;
  for (let i = from; i < str.length; i++) {
    const c = str[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

/**
 * Parses `root.a.b[0]["k.e.y"]` into { root, path: [{prop}|{index}], source }.
 * The root runs up to the first `.` or `[` (config keys like `aws:region` keep their colon).
 */
export function parseAccess(source) {
  const s = source.trim();
  const m = /^[^.[\]]+/.exec(s);
  if (!m) throw new Error(`invalid reference \${${source}}`);
  const root = m[0];
  const path = [];
  let i = root.length;
  while (i < s.length) {
    if (s[i] === '.') {
      const pm = /^[^.[\]]+/.exec(s.slice(i + 1));
      if (!pm) throw new Error(`invalid property access in \${${source}}`);
      path.push({ prop: pm[0] });
      i += 1 + pm[0].length;
    } else if (s[i] === '[') {
      const close = s.indexOf(']', i);
      if (close < 0) throw new Error(`unterminated [ in \${${source}}`);
      const inner = s.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) path.push({ index: Number(inner) });
      else if (/^".*"$|^'.*'$/.test(inner)) path.push({ prop: inner.slice(1, -1) });
      else throw new Error(`invalid index [${inner}] in \${${source}}`);
      i = close + 1;
    } else {
      throw new Error(`invalid reference \${${source}}`);
    }
  }
  return { root, path, source: s };
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
    if (value.includes('${')) {
      try {
        for (const p of parseInterpolation(value)) if (p.ref) out.push(p.ref);
      } catch {
        /* reported by the emitter */
      }
    }
  } else if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, out);
  } else if (isPlainObject(value)) {
    for (const v of Object.values(value)) collectRefs(v, out);
  }
  return out;
}
