// The peer for bench/vs-node.py: the Pulumi Node SDK evaluating the same resource graph as a compiled Pulumi YAML
// program, under mocks (no engine, no providers), as a Node Pulumi program of this platform would run in its tests.
// Each resource becomes an instance of its typed SDK class (@pulumi/aws, awsx, eks, kubernetes, random: the
// conformance tool's pinned packages); ${a.b} references become outputs of those instances, fn::invoke a mocked call,
// fn::toJSON and fn::secret their SDK counterparts. The process exits when every resource is registered.
// Usage: node bench/node-baseline/program.mjs PROGRAM.yaml   (packages from tests/conformance/ensure-packages)
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(new URL("../../tests/conformance/package.json", import.meta.url));
const pulumi = require("@pulumi/pulumi");
const { parse } = require("yaml");

const program = parse(readFileSync(process.argv[2], "utf8"));
let registered = 0;
pulumi.runtime.setMocks({
  newResource: (args) => { registered++; return { id: `${args.name}-id`, state: args.inputs }; },
  call: (args) => args.inputs,
}, program.name ?? "bench", "bench", false);

// Packages load on first use, as a program importing only what it needs would.
const packages = { aws: "@pulumi/aws", awsx: "@pulumi/awsx", eks: "@pulumi/eks", kubernetes: "@pulumi/kubernetes", random: "@pulumi/random" };
let untyped = 0;
function resourceClass(token) {
  const parts = token.split(":");
  const [pkg, module, name] = parts.length === 2 ? [parts[0], "index", parts[1]] : parts;
  if (pkg === "pulumi" && module === "providers") return require(packages[name])?.Provider;
  let scope = require(packages[pkg]);
  // helm.sh/v3 → helm.v3, apiextensions.k8s.io → apiextensions, ec2/vpc → ec2 (the SDKs' namespaces)
  const path = pkg === "kubernetes" ? module.split("/").map((m) => m.split(".")[0]) : [module.split("/")[0]];
  for (const segment of path) if (segment !== "index") scope = scope?.[segment];
  return scope?.[name];
}

const resources = {};
const variables = {};
const reference = /\$\{([^}.[\]]+)((?:\.[^}.[\]]+|\[\d+\])*)\}/g;

function lookup(name, path) {
  const keys = [...path.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
  if (name in program.resources && keys.length === 0) return resources[name];
  const base = name in resources ? resources[name] : variable(name);
  const [first, ...rest] = keys;
  const start = name in resources ? (resources[name][first] ?? resources[name].urn) : pulumi.output(base).apply((v) => v?.[first]);
  return pulumi.output(start).apply((v) => rest.reduce((o, k) => o?.[k], v) ?? "");
}

function value(node) {
  if (typeof node === "string") {
    const refs = [...node.matchAll(reference)];
    if (refs.length === 1 && refs[0][0] === node) return lookup(refs[0][1], refs[0][2]);
    if (refs.length === 0) return node;
    const pieces = node.split(reference);
    return pulumi.all(refs.map((r) => lookup(r[1], r[2]))).apply((vs) =>
      pieces.filter((_, i) => i % 3 === 0).map((p, i) => p + (i < vs.length ? String(vs[i]) : "")).join(""));
  }
  if (Array.isArray(node)) return node.map(value);
  if (node === null || typeof node !== "object") return node;
  const [key] = Object.keys(node);
  if (key === "fn::invoke") {
    const call = node[key];
    return pulumi.output(value(call.arguments ?? {})).apply((args) =>
      pulumi.runtime.invoke(call.function, args)).apply((r) => (call.return ? r?.[call.return] : r));
  }
  if (key === "fn::toJSON") return pulumi.output(value(node[key])).apply((v) => JSON.stringify(v));
  if (key === "fn::secret") return pulumi.secret(value(node[key]));
  if (key?.startsWith("fn::")) return pulumi.output(value(node[key]));
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, value(v)]));
}

function variable(name) {
  if (!(name in variables)) variables[name] = value(program.variables[name]);
  return variables[name];
}

// A resource is created after every resource its body names (YAML programs may name later ones).
function create(name, visiting = new Set()) {
  if (name in resources) return;
  if (visiting.has(name)) throw new Error(`reference cycle at ${name}`);
  visiting.add(name);
  const body = program.resources[name];
  for (const m of JSON.stringify(body).matchAll(reference)) if (m[1] in program.resources) create(m[1], visiting);
  const o = body.options ?? {};
  const opts = {
    provider: o.provider && value(o.provider), dependsOn: o.dependsOn && value(o.dependsOn), parent: o.parent && value(o.parent),
    deleteBeforeReplace: o.deleteBeforeReplace, ignoreChanges: o.ignoreChanges, protect: o.protect,
    retainOnDelete: o.retainOnDelete, additionalSecretOutputs: o.additionalSecretOutputs, version: o.version,
  };
  const Class = resourceClass(body.type);
  if (!Class) untyped++;
  resources[name] = Class ? new Class(name, value(body.properties ?? {}), opts)
    : new pulumi.CustomResource(body.type, name, value(body.properties ?? {}), opts);
}

for (const name of Object.keys(program.resources)) create(name);
const outputs = value(program.outputs ?? {});
await new Promise((resolve) => pulumi.all([outputs, ...Object.values(resources).map((r) => r.urn)]).apply(resolve));
process.stderr.write(`node-baseline: ${Object.keys(resources).length} resources, ${registered} registered by mocks, ${untyped} without a typed class\n`);
