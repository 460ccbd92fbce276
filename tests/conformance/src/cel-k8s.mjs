// The CEL environment of CRD validation rules: @bufbuild/cel's standard library (regex `matches` on
// an RE2 engine, as cel-go), its `strings` extension (cel-go ext strings: split, lowerAscii, indexOf,
// ..., which Kubernetes enables), and the Kubernetes library functions the rules use that
// @bufbuild/cel lacks, implemented from k8s.io/apiserver/pkg/cel/library.
import { celEnv, celMethod, CelScalar } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { RE2JS } from '@bufbuild/re2';

// regex.go, func find: `<string>.find(<regex>)` is the leftmost match of the regex (Go's
// regexp.FindString), '' when there is none; an invalid regex is an error. RE2JS rejects what Go's
// regexp rejects (lookarounds, backreferences); the match itself is taken with a JavaScript RegExp,
// which agrees with Go's leftmost-first matching for RE2 syntax (RE2JS here only answers yes/no).
const find = celMethod('find', CelScalar.STRING, [CelScalar.STRING], CelScalar.STRING, function (pattern) {
  RE2JS.compile(pattern);
  const m = new RegExp(pattern).exec(this);
  return m ? m[0] : '';
});

export const celEnvironment = celEnv({ funcs: [...strings, find] });

/** Whether a function name used by a rule has an implementation here. */
export function isKnownFunction(name) {
  return celEnvironment.funcs.find(name) !== undefined;
}
