// Compile-time evaluation of Pulumi YAML values: literals stay literals, anything that depends on a
// deployment (references, invokes) becomes UNKNOWN. Used by the schema checks (CRDs, device-plugin
// config, Helm values), which skip what they cannot know.
import { parseInterpolation, builtinName, isPlainObject } from './expr.mjs';

export const UNKNOWN = Symbol('computed at deployment');
export const isUnknown = (v) => v === UNKNOWN;

export function evaluate(value) {
  if (typeof value === 'string') return evalString(value);
  if (Array.isArray(value)) return value.map(evaluate);
  if (isPlainObject(value)) {
    const fn = builtinName(value);
    if (fn) return evalBuiltin(fn, Object.values(value)[0]);
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = evaluate(v);
    return out;
  }
  return value;
}

function evalString(s) {
  if (!s.includes('$')) return s; // `$$` escapes still need unescaping
  let parts;
  try {
    parts = parseInterpolation(s);
  } catch {
    return UNKNOWN;
  }
  return parts.every((p) => !p.ref) ? parts.map((p) => p.text).join('') : UNKNOWN;
}

function evalBuiltin(fn, arg) {
  const a = evaluate(arg);
  switch (fn) {
    case 'fn::secret':
      return a;
    case 'fn::tojson':
      return isKnown(a) ? JSON.stringify(a) : UNKNOWN;
    case 'fn::join':
      return Array.isArray(a) && isKnown(a) && Array.isArray(a[1]) ? a[1].join(a[0]) : UNKNOWN;
    case 'fn::select':
      return Array.isArray(a) && isKnown(a[0]) && Array.isArray(a[1]) ? (a[1][a[0]] ?? UNKNOWN) : UNKNOWN;
    case 'fn::tobase64':
      return typeof a === 'string' ? Buffer.from(a, 'utf8').toString('base64') : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/** True when no part of `v` is UNKNOWN. */
export function isKnown(v) {
  if (v === UNKNOWN) return false;
  if (Array.isArray(v)) return v.every(isKnown);
  if (isPlainObject(v)) return Object.values(v).every(isKnown);
  return true;
}

/**
 * Replaces UNKNOWN with a placeholder string so a JSON-schema validator can run, and returns the
 * JSON pointers ("/spec/role") of the replaced values: errors at or under them are not real.
 */
export function withPlaceholders(v, pointer = '', unknownAt = []) {
  if (v === UNKNOWN) {
    unknownAt.push(pointer);
    return { value: '<computed>', unknownAt };
  }
  if (Array.isArray(v)) {
    return { value: v.map((x, i) => withPlaceholders(x, `${pointer}/${i}`, unknownAt).value), unknownAt };
  }
  if (isPlainObject(v)) {
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = withPlaceholders(x, `${pointer}/${escPtr(k)}`, unknownAt).value;
    return { value: out, unknownAt };
  }
  return { value: v, unknownAt };
}

const escPtr = (k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1');

/** "/spec/template/0" -> "spec.template[0]" (keys with dots are quoted). */
export function pointerToPath(pointer) {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(k)) out += `[${k}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(k)) out += out ? `.${k}` : k;
    else out += `["${k}"]`;
  }
  return out || '(root)';
}
