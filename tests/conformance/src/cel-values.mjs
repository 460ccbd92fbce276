// Turns a (defaulted) custom-resource value into the CEL value a rule sees as `self`, typed by its
// schema as the API server does (k8s.io/apiextensions-apiserver pkg/apiserver/schema/cel/values.go,
// UnstructuredToVal): `integer` and integral int-or-string/untyped numbers are CEL int (bigint),
// `number` is double, objects and maps are CEL maps, fields the schema does not declare are pruned.
//
// A value computed at deployment (UNKNOWN) becomes COMPUTED, which @bufbuild/cel refuses to convert
// ("Unsupported input <computed at deployment>") the moment a rule reads it; a rule that never reads it
// (e.g. `has(self.role)`, or a rule on tag keys when only a tag value is computed) is still decided.
import { celMap } from '@bufbuild/cel';
import { isPlainObject } from './expr.mjs';
import { isUnknown } from './literal.mjs';

class Computed {
  toString() {
    return COMPUTED_TEXT;
  }
}

export const COMPUTED_TEXT = '<computed at deployment>';
const COMPUTED = new Computed();

export function toCelValue(schema, value) {
  if (isUnknown(value)) return COMPUTED;
  if (Array.isArray(value)) return value.map((x) => toCelValue(schema?.items, x));
  if (isPlainObject(value)) return objectValue(schema, value);
  if (typeof value === 'number') return numberValue(schema, value);
  return value;
}

function objectValue(schema, value) {
  const props = schema?.properties;
  const extra = isPlainObject(schema?.additionalProperties) ? schema.additionalProperties : undefined;
  const open = !schema || (!props && !extra) || schema['x-kubernetes-preserve-unknown-fields'] === true;
  const entries = new Map();
  for (const [k, v] of Object.entries(value)) {
    const sub = props?.[k] ?? extra;
    if (sub || open) entries.set(k, toCelValue(sub, v));
  }
  const map = celMap(entries);
  // @bufbuild/cel's map answers has()/`in` by converting the value; presence must not read a
  // computed value, so answer it from the keys alone.
  map.has = (key) => entries.has(key);
  return map;
}

function numberValue(schema, n) {
  if (schema?.type === 'number') return n;
  return Number.isInteger(n) ? BigInt(n) : n;
}
