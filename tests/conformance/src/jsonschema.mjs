// Thin wrapper over ajv: compile a schema, validate a value that may hold UNKNOWN parts, and turn
// ajv errors into one readable message per offending property path.
import Ajv from 'ajv';
import { withPlaceholders, pointerToPath } from './literal.mjs';

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

export function compile(schema) {
  return ajv.compile(schema);
}

// Errors of these keywords stop the API server from evaluating the CEL rules of the object
// (k8s.io/apiextensions-apiserver pkg/registry/customresource/strategy.go, hasBlockingErr: type,
// enum, required, maxLength, maxItems, maxProperties violations).
const BLOCKING = new Set(['type', 'enum', 'required', 'maxLength', 'maxItems', 'maxProperties']);

/**
 * @returns [{ path, message, blocking }] — one entry per property path, errors on computed values
 * dropped; `blocking` when one of them is a BLOCKING keyword.
 */
export function validate(validateFn, value) {
  const { value: data, unknownAt } = withPlaceholders(value);
  if (validateFn(data)) return [];
  const byPath = new Map();
  const blocking = new Set();
  for (const err of validateFn.errors) {
    let pointer = err.instancePath;
    let msg = err.message;
    if (err.keyword === 'additionalProperties') {
      pointer += `/${esc(err.params.additionalProperty)}`;
      msg = 'unknown field';
    } else if (err.keyword === 'required') {
      pointer += `/${esc(err.params.missingProperty)}`;
      msg = 'required field is missing';
    } else if (err.keyword === 'enum') {
      msg = `must be one of ${err.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')} (got ${show(at(data, pointer))})`;
    } else if (['pattern', 'type', 'minimum', 'maximum', 'const', 'format', 'minLength', 'maxLength'].includes(err.keyword)) {
      msg = `${msg} (got ${show(at(data, pointer))})`;
    } else if (err.keyword === 'anyOf' || err.keyword === 'oneOf') {
      continue; // the branch errors at the same path say more
    }
    if (unknownAt.some((u) => pointer === u || pointer.startsWith(`${u}/`))) continue;
    if (BLOCKING.has(err.keyword)) blocking.add(pointer);
    const list = byPath.get(pointer) ?? [];
    if (!list.includes(msg)) list.push(msg);
    byPath.set(pointer, list);
  }
  return [...byPath].map(([pointer, msgs]) => ({ path: pointerToPath(pointer), message: msgs.join('; or '), blocking: blocking.has(pointer) }));
}

const esc = (k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1');

function at(data, pointer) {
  let cur = data;
  for (const raw of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

function show(v) {
  const s = JSON.stringify(v);
  return s && s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
