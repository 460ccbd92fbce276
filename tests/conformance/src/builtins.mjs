// The `fn::` forms and `${...}` strings exactly as pulumi-yaml v1.38.1's parser reads them
// (pkg/pulumiyaml/ast/expr.go ParseExpr, tryParseFunction, parseInvoke, parseJoin, ...): which
// single-key maps are built-ins, the shape each built-in's argument must have, and the casing rule.
import { parseInterpolation, isPlainObject } from './expr.mjs';

// expr.go tryParseFunction: lower-cased key -> the spelling UnexpectedCasing expects.
const BUILTINS = new Map(
  ['fn::invoke', 'fn::join', 'fn::toJSON', 'fn::toBase64', 'fn::fromBase64', 'fn::select', 'fn::split', 'fn::stackReference', 'fn::assetArchive', 'fn::secret', 'fn::unsecret', 'fn::readFile', 'fn::filebase64', 'fn::filebase64sha256', 'fn::sha1', 'fn::length', 'fn::singleOrNone', 'fn::pulumiResourceName', 'fn::pulumiResourceType'].map((n) => [n.toLowerCase(), n]),
);
// expr.go getAssetOrArchive: parsed as a map entry, so they must be alone in their map.
export const ASSETS = new Map(['fn::stringAsset', 'fn::fileAsset', 'fn::remoteAsset', 'fn::fileArchive', 'fn::remoteArchive'].map((n) => [n.toLowerCase(), n]));
// expr.go fnInvokeRegex, matched against the lower-cased key: `fn::aws:getRegion` is an invoke.
const INVOKE_SHORTHAND = /^fn::[^:]+:[^:]+(:[^:]+)?$/;
const TWO_VALUED = new Set(['fn::join', 'fn::select', 'fn::split', 'fn::stackreference']);
const INVOKE_KEYS = ['function', 'arguments', 'options', 'return'];

/** What pulumi-yaml makes of a single-key map `{ key: ... }`: builtin, asset, shorthand invoke, unknown fn::, or null (a plain map). */
export function classifyKey(key) {
  const lower = key.toLowerCase();
  if (ASSETS.has(lower)) return { kind: 'asset', lower, canonical: ASSETS.get(lower) };
  if (BUILTINS.has(lower)) return { kind: 'builtin', lower, canonical: BUILTINS.get(lower) };
  if (INVOKE_SHORTHAND.test(lower)) return { kind: 'shorthand', lower };
  if (lower.startsWith('fn::')) return { kind: 'unknown', lower };
  return null;
}

/** A YAML string that ParseExpr turns into a StringExpr (no `${...}` after `$$` unescaping). */
export function isStringLiteral(v) {
  if (typeof v !== 'string') return false;
  try {
    return parseInterpolation(v).every((p) => !p.ref);
  } catch {
    return false;
  }
}

/** A map that ParseExpr turns into an ObjectExpr (not a built-in call or an asset). */
function isObjectExpr(v) {
  if (!isPlainObject(v)) return false;
  const keys = Object.keys(v);
  if (keys.length !== 1) return true;
  const c = classifyKey(keys[0]);
  return c === null || c.kind === 'unknown';
}

function isAssetOrArchive(v) {
  if (!isPlainObject(v) || Object.keys(v).length !== 1) return false;
  const c = classifyKey(Object.keys(v)[0]);
  return c?.kind === 'asset' || c?.lower === 'fn::assetarchive';
}

/**
 * Problems of the single-key map `{ key: arg }` as pulumi-yaml's parser sees it:
 * [{ message, severity }] ('error' | 'warning'). Empty for a plain map or a well-formed call.
 */
export function builtinProblems(key, arg) {
  const c = classifyKey(key);
  if (!c) return [];
  const out = [];
  const error = (message) => out.push({ message, severity: 'error' });
  const warning = (message) => out.push({ message, severity: 'warning' });
  if (c.canonical && key !== c.canonical) warning(`'${key}' looks like a miscapitalization of '${c.canonical}' (pulumi-yaml accepts it for now; ast/expr.go UnexpectedCasing)`);
  switch (c.kind) {
    case 'unknown':
      error(`unknown built-in function '${key}': pulumi-yaml only warns that 'fn::' is a reserved prefix and passes the map on as plain data (ast/expr.go tryParseFunction)`);
      return out;
    case 'shorthand':
      if (arg !== null && arg !== undefined && !isPlainObject(arg)) error(`'${key}' takes a map of arguments; pulumi-yaml drops any other value and calls the function without arguments (ast/expr.go tryParseFunction)`);
      return out;
    case 'asset':
      return out;
    default:
      break;
  }
  if (TWO_VALUED.has(c.lower)) {
    if (!Array.isArray(arg) || arg.length !== 2) error(`the argument to ${c.canonical} must be a two-valued list (ast/expr.go parse${c.canonical.slice(4, 5).toUpperCase()}${c.canonical.slice(5)})`);
    else if (c.lower === 'fn::stackreference' && !isStringLiteral(arg[0])) error('the first argument to fn::stackReference must be a string literal (ast/expr.go parseStackReference)');
    if (c.lower === 'fn::stackreference') warning("'fn::stackReference' is deprecated; use a 'pulumi:pulumi:StackReference' resource (ast/expr.go tryParseFunction)");
  } else if (c.lower === 'fn::invoke') {
    invokeProblems(arg, error, warning);
  } else if (c.lower === 'fn::assetarchive') {
    if (!isObjectExpr(arg)) error('the argument to fn::assetArchive must be a map (ast/expr.go parseAssetArchive)');
    else {
      for (const [k, v] of Object.entries(arg)) {
        if (!isStringLiteral(k)) error(`fn::assetArchive: key '${k}' must be a string literal (ast/expr.go parseAssetArchive)`);
        if (!isAssetOrArchive(v)) error(`fn::assetArchive: '${k}' must be an asset or an archive (ast/expr.go parseAssetArchive)`);
      }
    }
  }
  return out;
}

// ast/expr.go parseInvoke
function invokeProblems(arg, error, warning) {
  if (!isObjectExpr(arg)) {
    error("the argument to fn::invoke must be a map of 'function', 'arguments', 'options' and 'return' (ast/expr.go parseInvoke)");
    return;
  }
  const found = {};
  for (const k of Object.keys(arg)) {
    const lower = k.toLowerCase();
    if (!INVOKE_KEYS.includes(lower)) {
      error(`fn::invoke: key '${k}' is silently ignored by pulumi-yaml (only function, arguments, options, return; ast/expr.go parseInvoke)`);
      continue;
    }
    if (k !== lower) warning(`fn::invoke: '${k}' looks like a miscapitalization of '${lower}' (ast/expr.go parseInvoke)`);
    found[lower] = { value: arg[k] };
  }
  if (!found.function) error("fn::invoke: missing function name ('function') (ast/expr.go parseInvoke)");
  else if (!isStringLiteral(found.function.value)) error('fn::invoke: the function name must be a string literal (ast/expr.go parseInvoke)');
  if (found.arguments && !isObjectExpr(found.arguments.value)) error("fn::invoke: 'arguments' must be a map (ast/expr.go parseInvoke)");
  if (found.options && !isPlainObject(found.options.value)) error("fn::invoke: 'options' must be a map (ast/expr.go parseInvoke, parseRecord)");
  if (found.return && !isStringLiteral(found.return.value)) error("fn::invoke: 'return' must be a string literal (ast/expr.go parseInvoke)");
}

/**
 * Walks a value as ParseExpr does and reports malformed `${...}` strings, ill-formed built-ins and
 * `fn::` keys that share their map with other keys. `report(message, severity)`; `at` is the
 * YAML path for messages; `keysAreExpressions` is false for a resource's top-level property keys
 * (template.go PropertyMapDecl keeps them literal).
 */
export function checkExpressions(value, at, report, keysAreExpressions = true) {
  const where = at ? ` at ${at}` : '';
  if (typeof value === 'string') {
    if (!value.includes('$')) return;
    try {
      parseInterpolation(value);
    } catch (err) {
      report(`invalid \${...} in "${value}": ${err.message} (ast/interpolation.go, ast/property.go)${where}`, 'error');
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkExpressions(v, `${at}[${i}]`, report));
  } else if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && classifyKey(keys[0])) {
      for (const p of builtinProblems(keys[0], value[keys[0]])) report(`${p.message}${where}`, p.severity);
      checkExpressions(value[keys[0]], at ? `${at}.${keys[0]}` : keys[0], report);
      return;
    }
    for (const k of keys) {
      const c = keys.length > 1 ? classifyKey(k) : null;
      if (c?.kind === 'asset') report(`${k} must be the only key of its map (ast/expr.go ParseExpr)${where}`, 'error');
      else if (c) report(`'${k}' is not evaluated: a built-in must be the only key of its map, otherwise pulumi-yaml passes it on as a plain key (ast/expr.go tryParseFunction)${where}`, 'error');
      if (keysAreExpressions) checkExpressions(k, at, report);
      checkExpressions(value[k], at ? `${at}.${k}` : k, report);
    }
  }
}
