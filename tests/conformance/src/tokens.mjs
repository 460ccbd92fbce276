// Maps Pulumi type tokens (resources and functions) to the Node SDK module that exports them.
//
//   <package>:<module>:<Member>
//     package  -> npm package @pulumi/<package>
//     module   -> sub-path of that package ("index" or missing = package root)
//     Member   -> the exported class (resources) or function (invokes)
//
// Canonical tokens carry the file name as a last module segment (`aws:iam/role:Role`,
// `eks:index:Cluster`, `aws:index/getCallerIdentity:getCallerIdentity`); it is dropped when it
// equals the member name with a lower-case first letter. Kubernetes modules carry API groups:
// the group's domain is dropped (`helm.sh/v3` -> `helm/v3`, `apiextensions.k8s.io` ->
// `apiextensions`, `rbac.authorization.k8s.io/v1` -> `rbac/v1`).
// Provider resources `pulumi:providers:<package>` map to `@pulumi/<package>/provider`.Provider.
import fs from 'node:fs';
import path from 'node:path';

const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * @returns {{ pkg, importPath, alias, member }} or throws Error with a readable reason.
 */
export function resolveToken(token, nodeModules) {
  if (typeof token !== 'string' || !token) throw new Error('missing type token');
  const parts = token.split(':');
  let pkg, mod, member;
  if (parts[0] === 'pulumi' && parts[1] === 'providers' && parts.length === 3) {
    pkg = parts[2];
    return checked({ pkg, sub: 'provider', member: 'Provider', alias: `${ident(pkg)}_provider` }, token, nodeModules);
  }
  if (parts.length === 2) [pkg, member] = parts, (mod = 'index');
  else if (parts.length === 3) [pkg, mod, member] = parts;
  else throw new Error(`malformed type token '${token}' (expected package:module:Name)`);
  if (!pkg || !member) throw new Error(`malformed type token '${token}'`);

  let segs = mod.split('/').filter(Boolean);
  if (segs.length > 1 && segs[segs.length - 1] === lowerFirst(member)) segs = segs.slice(0, -1);
  if (segs.length === 1 && segs[0] === 'index') segs = [];
  if (pkg === 'kubernetes' && segs.length > 0 && segs[0].includes('.')) segs[0] = segs[0].split('.')[0];
  const sub = segs.join('/');
  const alias = sub ? `${ident(pkg)}_${ident(sub)}` : ident(pkg);
  return checked({ pkg, sub, member, alias }, token, nodeModules);
}

function checked({ pkg, sub, member, alias }, token, nodeModules) {
  const npm = `@pulumi/${pkg}`;
  const pkgDir = path.join(nodeModules, npm);
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) {
    throw new Error(`unknown type token '${token}': package ${npm} is not one of the pinned SDKs`);
  }
  const importPath = sub ? `${npm}/${sub}` : npm;
  const file = sub === 'provider' ? path.join(pkgDir, 'provider.d.ts') : path.join(pkgDir, sub, 'index.d.ts');
  if (!fs.existsSync(file)) {
    throw new Error(`unknown type token '${token}': ${npm} has no module '${sub}'`);
  }
  return { pkg, importPath, alias, member };
}

/** A TypeScript identifier made from arbitrary text. */
export function ident(s) {
  const x = String(s).replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[0-9]/.test(x) ? `_${x}` : x;
}
