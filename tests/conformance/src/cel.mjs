// CEL validation rules (x-kubernetes-validations) of a CRD schema, evaluated on a custom resource as
// the API server does (k8s.io/apiextensions-apiserver pkg/apiserver/schema/cel/validation.go):
// each rule runs at the schema node that declares it with `self` bound to the value there, once per
// element for rules under `items` / `additionalProperties`, only where the value is present and not
// null. A rule that is false fails with its `message` ("failed rule: <rule>" without one); a rule
// that errors fails with "<error> evaluating rule: <message or rule>".
// What cannot be decided here is returned as not checked, with the reason: transition rules (they
// compare with oldSelf, the live object, which exists only on update), rules that read a value
// computed at deployment, rules that do not compile or call a function not implemented here.
import { parse, plan, isCelError } from '@bufbuild/cel';
import { celEnvironment, isKnownFunction } from './cel-k8s.mjs';
import { toCelValue, COMPUTED_TEXT } from './cel-values.mjs';
import { isUnknown, pointerToPath } from './literal.mjs';
import { isPlainObject } from './expr.mjs';

/**
 * Compiles the rules of a schema once. Returns a tree that mirrors the schema where it holds rules
 * (null when it holds none): { schema, rules, properties: Map, items, additionalProperties, all }.
 */
export function compileRules(schema, schemaPath = '') {
  if (!isPlainObject(schema)) return null;
  const rules = (schema['x-kubernetes-validations'] ?? []).map((r) => compileRule(r, schemaPath || '(root)'));
  const properties = new Map();
  for (const [k, sub] of Object.entries(schema.properties ?? {})) {
    const child = compileRules(sub, schemaPath ? `${schemaPath}.${k}` : k);
    if (child) properties.set(k, child);
  }
  const items = compileRules(schema.items, `${schemaPath}[*]`);
  const additionalProperties = compileRules(schema.additionalProperties, `${schemaPath}[*]`);
  const all = [...rules, ...[...properties.values(), items, additionalProperties].flatMap((c) => c?.all ?? [])];
  return all.length ? { schema, rules, properties, items, additionalProperties, all } : null;
}

function compileRule(r, schemaPath) {
  const text = String(r.rule ?? '').trim();
  const rule = { schemaPath, message: r.message?.trim() || `failed rule: ${text}`, errorName: r.message?.trim() || text };
  let ast;
  try {
    ast = parse(text);
  } catch (e) {
    return { ...rule, notChecked: `does not compile: ${e.message}` };
  }
  const { idents, calls } = scan(ast.expr);
  if (idents.has('oldSelf')) return { ...rule, notChecked: 'transition rule: compares with the live object (oldSelf), which exists only on update' };
  const missing = [...calls].filter((f) => /^[A-Za-z]/.test(f) && !isKnownFunction(f));
  if (missing.length) return { ...rule, notChecked: `calls ${missing.join(', ')}, not implemented here` };
  return { ...rule, program: plan(celEnvironment, ast) };
}

/** Identifiers and function names of a parsed expression (a cel.expr.Expr message). */
function scan(node, out = { idents: new Set(), calls: new Set() }) {
  if (Array.isArray(node)) {
    node.forEach((x) => scan(x, out));
  } else if (node && typeof node === 'object') {
    if (node.$typeName === 'cel.expr.Expr.Ident') out.idents.add(node.name);
    if (node.$typeName === 'cel.expr.Expr.Call') out.calls.add(node.function);
    Object.values(node).forEach((x) => scan(x, out));
  }
  return out;
}

/**
 * @param tree from compileRules
 * @param value the defaulted custom resource (may hold UNKNOWN)
 * @returns { failures: [{ path, message }], notChecked: [{ path, message, reason }] }
 */
export function checkRules(tree, value) {
  const out = { failures: [], notChecked: [] };
  if (tree) walk(tree, value, '', out);
  return out;
}

function walk(node, value, pointer, out) {
  if (value === undefined || value === null) return;
  if (isUnknown(value)) {
    const reason = `${pointerToPath(pointer)} is computed at deployment`;
    for (const r of node.all) out.notChecked.push({ path: r.schemaPath, message: r.message, reason });
    return;
  }
  if (node.rules.length) {
    const self = toCelValue(node.schema, value);
    for (const rule of node.rules) evaluate(rule, self, pointerToPath(pointer), out);
  }
  if (Array.isArray(value)) {
    if (node.items) value.forEach((x, i) => walk(node.items, x, `${pointer}/${i}`, out));
  } else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const sub = node.properties.get(k) ?? node.additionalProperties;
      if (sub) walk(sub, v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
    }
  }
}

function evaluate(rule, self, path, out) {
  if (rule.notChecked) {
    out.notChecked.push({ path, message: rule.message, reason: rule.notChecked });
    return;
  }
  const result = rule.program({ self }); // a value or a CelError, never an exception
  if (result === true) return;
  if (isCelError(result)) {
    if (result.message.includes(COMPUTED_TEXT)) {
      out.notChecked.push({ path, message: rule.message, reason: 'it reads a value computed at deployment' });
    } else {
      out.failures.push({ path, message: `${result.message} evaluating rule: ${rule.errorName}` });
    }
  } else {
    out.failures.push({ path, message: rule.message }); // as the API server: anything but true fails
  }
}
