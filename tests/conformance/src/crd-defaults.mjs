// Structural defaulting of a custom resource, as the API server does before it validates the object
// (schema and CEL rules see the defaulted object). Mirrors k8s.io/apiextensions-apiserver
// pkg/apiserver/schema/defaulting: PruneNonNullableNullsWithoutDefaults (prunenulls.go) then Default
// (algorithm.go): an absent property, or a null one in a non-nullable schema, takes the schema's
// `default`; defaults are applied inside the defaulted values too. Values computed at deployment
// (UNKNOWN) are left alone: what they hold is not known here.
import { isPlainObject } from './expr.mjs';

/** @returns a defaulted deep copy of `value` (the input is not changed). */
export function applyDefaults(schema, value) {
  if (!schema || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    return value.map((x) => applyDefaults(schema.items, nullToDefault(schema.items, x)));
  }
  if (!isPlainObject(value)) return value;
  const props = schema.properties ?? {};
  const extra = isPlainObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    const sub = props[k] ?? extra;
    if (v === null && sub && sub.nullable !== true && sub.default === undefined) continue; // pruned
    out[k] = nullToDefault(sub, v);
  }
  for (const [k, sub] of Object.entries(props)) {
    if (sub.default !== undefined && !(k in out)) out[k] = structuredClone(sub.default);
  }
  for (const [k, v] of Object.entries(out)) out[k] = applyDefaults(props[k] ?? extra, v);
  return out;
}

function nullToDefault(schema, v) {
  return v === null && schema && schema.nullable !== true && schema.default !== undefined ? structuredClone(schema.default) : v;
}
