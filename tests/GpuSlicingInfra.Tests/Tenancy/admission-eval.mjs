// Evaluates a ValidatingAdmissionPolicy's spec on admission requests with the CEL library of the conformance check
// (@bufbuild/cel and its Kubernetes environment, tests/conformance/src/cel-k8s.mjs), as the API server does
// (k8s.io/apiserver pkg/admission/plugin/policy/validating): matchConditions first (a request that fails one is
// not validated), then the variables in order, each seeing the ones before it as variables.<name>, then every
// validation: anything but true fails, with messageExpression's string or else the message.
// Run as `node --input-type=module -e <this file's text> INPUT.json` from tests/conformance, where the imports resolve.
// INPUT.json: { spec, requests: [{ name, operation, object, oldObject }] }; stdout: [{ name, matched, failures: [message] }].
import { readFileSync } from 'node:fs';
import { parse, plan, isCelError, celMap } from '@bufbuild/cel';
import { celEnvironment } from './src/cel-k8s.mjs';
import { toCelValue } from './src/cel-values.mjs';

const compile = (text) => plan(celEnvironment, parse(text));
const input = JSON.parse(readFileSync(process.argv[1], 'utf8'));
const { spec } = input;
const conditions = (spec.matchConditions ?? []).map((c) => ({ name: c.name, run: compile(c.expression) }));
const variables = (spec.variables ?? []).map((v) => ({ name: v.name, run: compile(v.expression) }));
const validations = (spec.validations ?? []).map((v) => ({
  ...v, run: compile(v.expression), messageRun: v.messageExpression ? compile(v.messageExpression) : null,
}));

const fail = (what, result) => { throw new Error(`${what}: ${isCelError(result) ? result.message : String(result)}`); };

const results = input.requests.map((r) => {
  const bindings = {
    object: toCelValue(undefined, r.object),
    oldObject: r.oldObject ? toCelValue(undefined, r.oldObject) : null,
    request: toCelValue(undefined, { operation: r.operation ?? 'CREATE' }),
  };
  for (const c of conditions) {
    const matched = c.run(bindings);
    if (isCelError(matched)) fail(`${r.name}: matchCondition ${c.name}`, matched);
    if (matched !== true) return { name: r.name, matched: false, failures: [] };
  }
  const values = new Map();
  for (const v of variables) {
    const value = v.run({ ...bindings, variables: celMap(values) });
    if (isCelError(value)) fail(`${r.name}: variable ${v.name}`, value);
    values.set(v.name, value);
  }
  const scope = { ...bindings, variables: celMap(values) };
  const failures = [];
  for (const v of validations) {
    const ok = v.run(scope);
    if (isCelError(ok)) fail(`${r.name}: validation ${v.expression}`, ok);
    if (ok === true) continue;
    const message = v.messageRun ? v.messageRun(scope) : v.message;
    failures.push(typeof message === 'string' ? message : v.message);
  }
  return { name: r.name, matched: true, failures };
});
process.stdout.write(JSON.stringify(results));
