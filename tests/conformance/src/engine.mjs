// Engine pass: models how pulumi-yaml v1.38.1 builds and orders the program graph before it
// registers anything (pkg/pulumiyaml/run.go getConfNodesFromMap, sort.go
// topologicallySortedResources/checkUniqueNode, expr.go GetResourceDependencies), so a program
// that type-checks but would deploy wrong, or not at all, is reported:
//   - a resource/variable named like a config node (stack config keys lose the project prefix),
//   - the reserved name `pulumi` and unknown `${pulumi.<field>}`,
//   - `${root}` naming no resource, variable or config node,
//   - dependency cycles,
//   - option references the engine does not count as dependencies, to a node sorted later,
//   - quoted-root interpolations the dependency walk cannot handle,
//   - `defaultProvider` on a resource that is not a provider,
//   - ill-formed `fn::` forms and `${...}` strings (builtins.mjs).
import { parseInterpolation, isPlainObject, getKeyCI } from './expr.mjs';
import { checkExpressions } from './builtins.mjs';

const PULUMI = 'pulumi'; // run.go PulumiVarName
const PULUMI_FIELDS = ['cwd', 'organization', 'project', 'rootDirectory', 'stack']; // run.go ensureSetup
const DEPENDENCY_OPTIONS = ['dependson', 'parent', 'provider', 'providers', 'aliases']; // expr.go GetResourceDependencies

/**
 * @param program parsed YAML object
 * @param opts { stackConfig }: the `config:` map of the stack file, or null when none was given
 * @returns [{ entity, message, severity }]
 */
export function enginePass(program, { stackConfig = null } = {}) {
  return new Engine(isPlainObject(program) ? program : {}, stackConfig).run();
}

class Engine {
  constructor(p, stackConfig) {
    this.p = p;
    this.stackConfig = stackConfig;
    // The engine strips `<project>:`; the project is the program's own `name` (sort.go visit).
    this.project = typeof p.name === 'string' ? p.name : null;
    this.problems = [];
    this.config = new Map(); // node name -> { origin: 'program' | 'stack', key }
    this.graph = new Map(); // registered resource/variable name -> { entity, body, deps }
  }

  problem(entity, message, severity = 'error') {
    this.problems.push({ entity, message, severity });
  }

  strip(name) {
    return this.project && name.startsWith(`${this.project}:`) ? name.slice(this.project.length + 1) : name;
  }

  run() {
    this.configNodes();
    const resources = mapOf(this.p.resources);
    const variables = mapOf(this.p.variables);
    // sort.go: resources are added before variables, each through checkUniqueNode.
    for (const [name, body] of Object.entries(resources)) this.register({ kind: 'resource', name, type: isPlainObject(body) ? body.type : undefined }, body);
    for (const [name, body] of Object.entries(variables)) this.register({ kind: 'variable', name }, body);
    this.checkSyntax(resources, variables);
    this.checkReferences(resources, variables);
    this.checkLateOptionReferences(this.sort(resources));
    return this.problems;
  }

  // ---- names -------------------------------------------------------------------------------
  configNodes() {
    // ast/template.go GetConfig: `config` entries, then `configuration` keys not in `config`.
    const declared = { ...mapOf(this.p.configuration), ...mapOf(this.p.config) };
    for (const key of Object.keys(declared)) {
      if (key === PULUMI) this.problem({ kind: 'config', name: key }, 'config pulumi uses the reserved name pulumi (sort.go checkUniqueNode)');
      else this.config.set(key, { origin: 'program', key });
    }
    // run.go getConfNodesFromMap: every stack key is a node; the project's own prefix is dropped.
    for (const key of Object.keys(mapOf(this.stackConfig))) {
      const name = this.strip(key);
      if (name === PULUMI) this.problem({ kind: 'config', name: key }, `stack config key '${key}' becomes the config node 'pulumi', a reserved name (run.go getConfNodesFromMap, sort.go checkUniqueNode)`);
      else this.config.set(name, { origin: 'stack', key });
    }
  }

  register(entity, body) {
    const { kind, name } = entity;
    if (name === PULUMI) return this.problem(entity, `${kind} pulumi uses the reserved name pulumi (sort.go checkUniqueNode)`);
    const cfg = this.config.get(name);
    if (cfg?.origin === 'stack') {
      const how = cfg.key === name ? '' : ` (the project prefix '${this.project}:' is dropped)`;
      return this.problem(entity, `name '${name}' is also the stack config key '${cfg.key}'${how}: pulumi-yaml sorts config nodes first and silently never registers this ${kind}; every \${${name}} reads the config value (run.go getConfNodesFromMap, sort.go checkUniqueNode). Rename the ${kind}`);
    }
    if (cfg) return this.problem(entity, `${kind} ${name} cannot have the same name as config ${name} (sort.go checkUniqueNode)`);
    const other = this.graph.get(name);
    if (other) return this.problem(entity, `${kind} ${name} cannot have the same name as ${other.entity.kind} ${name} (sort.go checkUniqueNode)`);
    const deps = entity.kind === 'resource' ? resourceDependencies(body) : refsOf(body);
    this.graph.set(name, { entity, body, deps: [...new Set(deps.map((r) => r.root))] });
  }

  /** What the engine finds for `${root}`: a graph node, a config node, `pulumi`, or null. */
  lookup(root) {
    if (root === PULUMI) return { kind: 'pulumi' };
    const node = this.graph.get(root) ?? this.graph.get(this.strip(root));
    if (node) return node;
    if (this.config.has(root) || this.config.has(this.strip(root))) return { kind: 'config' };
    // Without a stack file the stack's keys are unknown: a namespaced key may be one of them.
    if (this.stackConfig === null && root.includes(':')) return { kind: 'config' };
    return null;
  }

  // ---- expressions -------------------------------------------------------------------------
  checkSyntax(resources, variables) {
    const at = (entity) => (message, severity) => this.problem(entity, message, severity);
    for (const [name, body] of Object.entries(resources)) {
      const entity = { kind: 'resource', name, type: isPlainObject(body) ? body.type : undefined };
      if (!isPlainObject(body)) continue;
      const type = getKeyCI(body, 'type');
      if (getKeyCI(body, 'defaultProvider') !== undefined && !(typeof type === 'string' && type.startsWith('pulumi:providers:'))) {
        this.problem(entity, 'cannot set defaultProvider on non-provider resource (run.go setDefaultProviders)');
      }
      for (const [k, v] of Object.entries(body)) {
        if (k.toLowerCase() === 'properties' && isPlainObject(v)) {
          for (const [pk, pv] of Object.entries(v)) checkExpressions(pv, `properties.${pk}`, at(entity));
        } else if (k.toLowerCase() !== 'type') checkExpressions(v, k, at(entity));
      }
      // expr.go getExpressionDependencies asserts the root of each part of an interpolated string
      // is a name: `x${["a"].b}` panics while sorting (a lone `${["a"].b}` is fine).
      for (const r of resourceDependencies(body)) if (r.quotedRoot && r.interpolated) this.problem(entity, quotedRootMessage(r));
    }
    for (const [name, body] of Object.entries(variables)) {
      const entity = { kind: 'variable', name };
      checkExpressions(body, '', at(entity));
      for (const r of refsOf(body)) if (r.quotedRoot && r.interpolated) this.problem(entity, quotedRootMessage(r));
    }
    for (const [name, body] of Object.entries(mapOf(this.p.outputs))) checkExpressions(body, '', at({ kind: 'output', name }));
    const declared = { ...mapOf(this.p.configuration), ...mapOf(this.p.config) };
    for (const [name, decl] of Object.entries(declared)) checkExpressions(decl, '', at({ kind: 'config', name }));
  }

  /** Every `${root}` of resources, variables and outputs must name a node (run.go EvalMissing). */
  checkReferences(resources, variables) {
    const sites = [
      ...Object.entries(resources).map(([name, body]) => [{ kind: 'resource', name, type: isPlainObject(body) ? body.type : undefined }, resourceReferences(body)]),
      ...Object.entries(variables).map(([name, body]) => [{ kind: 'variable', name }, refsOf(body)]),
      ...Object.entries(mapOf(this.p.outputs)).map(([name, body]) => [{ kind: 'output', name }, refsOf(body)]),
    ];
    for (const [entity, refs] of sites) {
      const reported = new Set();
      for (const ref of refs) {
        if (reported.has(ref.root)) continue;
        const found = this.lookup(ref.root);
        if (!found) {
          reported.add(ref.root);
          const hint = this.stackConfig === null ? '' : ' (stack config included)';
          this.problem(entity, `reference to unknown resource, variable or config '${ref.root}' in \${${ref.source}}${hint}`);
        } else if (found.kind === 'pulumi' && ref.path.length > 0 && !PULUMI_FIELDS.includes(ref.path[0].prop)) {
          reported.add(ref.root);
          this.problem(entity, `\${${ref.source}}: pulumi has only ${PULUMI_FIELDS.join(', ')}; any other field is silently null (run.go ensureSetup)`);
        }
      }
    }
  }

  // ---- ordering ----------------------------------------------------------------------------
  /**
   * Depth-first sort as sort.go topologicallySortedResources does it (config first, then nodes in
   * insertion order, each after its dependencies and its package's default provider). Reports each
   * cycle once, on the node where the walk re-enters it, and carries on as if that edge were
   * absent. Returns the order.
   */
  sort(resources) {
    const defaultProviders = new Map(); // package -> provider resource name
    for (const [name, body] of Object.entries(resources)) {
      if (getKeyCI(body, 'defaultProvider') === true && typeof getKeyCI(body, 'type') === 'string') defaultProviders.set(getKeyCI(body, 'type').split(':')[2], name);
    }
    const order = [];
    const visited = new Set();
    const stack = [];
    const cycles = new Set();
    const visit = (name) => {
      const node = this.graph.get(name) ?? this.graph.get(this.strip(name));
      if (!node) return;
      const key = node.entity.name;
      const at = stack.indexOf(key);
      if (at >= 0) {
        const members = stack.slice(at);
        const id = [...members].sort().join('\n');
        if (!cycles.has(id)) {
          cycles.add(id);
          const first = this.graph.get(members[0]).entity;
          this.problem(first, `dependency cycle: ${[...members, members[0]].join(' -> ')}; pulumi-yaml stops with "circular dependency" and registers nothing (sort.go topologicallySortedResources)`);
        }
        return;
      }
      if (visited.has(key)) return;
      stack.push(key);
      for (const dep of node.deps) if (dep !== PULUMI) visit(dep);
      const provider = implicitProvider(node, defaultProviders);
      if (provider) visit(provider);
      stack.pop();
      visited.add(key);
      order.push(key);
    };
    for (const name of this.graph.keys()) visit(name);
    return order;
  }

  /**
   * Options other than dependsOn/parent/provider/providers/aliases (deletedWith, replaceWith,
   * protect, ...) and get.state are evaluated when the resource registers but are not
   * dependencies (expr.go GetResourceDependencies): the node they name must already be sorted
   * earlier, else the lookup fails (run.go evaluatePropertyAccess).
   */
  checkLateOptionReferences(order) {
    const position = new Map(order.map((n, i) => [n, i]));
    for (const [name, node] of this.graph) {
      if (node.entity.kind !== 'resource' || !isPlainObject(node.body)) continue;
      const options = getKeyCI(node.body, 'options');
      const sites = Object.entries(mapOf(options)).filter(([k]) => !DEPENDENCY_OPTIONS.includes(k.toLowerCase())).map(([k, v]) => [`options.${k}`, v]);
      const state = getKeyCI(getKeyCI(node.body, 'get'), 'state');
      if (state !== undefined) sites.push(['get.state', state]);
      for (const [site, value] of sites) {
        for (const ref of refsOf(value)) {
          const target = this.lookup(ref.root);
          if (!target?.entity) continue;
          if (position.get(target.entity.name) >= position.get(name)) {
            this.problem(node.entity, `${site} references '${ref.root}', which pulumi-yaml does not count as a dependency and sorts after this resource, so the lookup fails at deployment (expr.go GetResourceDependencies); add it to options.dependsOn`);
          }
        }
      }
    }
  }
}

// ---- helpers --------------------------------------------------------------------------------
function mapOf(v) {
  return isPlainObject(v) ? v : {};
}

function quotedRootMessage(r) {
  return `\${${r.source}} inside a longer string: pulumi-yaml crashes on a quoted root in an interpolation (expr.go getExpressionDependencies); use a name root or the reference alone`;
}

/** The resource's package default provider it implicitly waits for (sort.go visit). */
function implicitProvider(node, defaultProviders) {
  const body = node.body;
  const type = getKeyCI(body, 'type');
  if (node.entity.kind !== 'resource' || typeof type !== 'string') return null;
  if (getKeyCI(getKeyCI(body, 'options'), 'provider') !== undefined || getKeyCI(body, 'defaultProvider') === true) return null;
  const provider = defaultProviders.get(type.split(':')[0]);
  return provider === node.entity.name ? null : provider;
}

/** Every reference a resource's registration evaluates: property values, options, get. */
function resourceReferences(body) {
  if (!isPlainObject(body)) return [];
  const out = [];
  const props = getKeyCI(body, 'properties');
  if (isPlainObject(props)) for (const v of Object.values(props)) refsOf(v, out);
  else refsOf(props, out);
  refsOf(getKeyCI(body, 'options'), out);
  refsOf(getKeyCI(body, 'get'), out);
  return out;
}

/** References counted as dependencies of a resource (expr.go GetResourceDependencies). */
function resourceDependencies(body) {
  if (!isPlainObject(body)) return [];
  const out = [];
  const props = getKeyCI(body, 'properties');
  if (isPlainObject(props)) for (const v of Object.values(props)) refsOf(v, out);
  else refsOf(props, out);
  const options = mapOf(getKeyCI(body, 'options'));
  for (const [k, v] of Object.entries(options)) if (DEPENDENCY_OPTIONS.includes(k.toLowerCase())) refsOf(v, out);
  refsOf(getKeyCI(getKeyCI(body, 'get'), 'id'), out);
  return out;
}

/**
 * Every `${...}` reference in a value, map keys included (ParseExpr parses them too), with
 * `interpolated` set when the string is more than the one reference. Malformed strings are
 * skipped (reported by checkExpressions).
 */
function refsOf(value, out = []) {
  if (typeof value === 'string') {
    if (!value.includes('$')) return out;
    let parts;
    try {
      parts = parseInterpolation(value);
    } catch {
      return out;
    }
    const interpolated = parts.length > 1;
    for (const p of parts) if (p.ref) out.push({ ...p.ref, interpolated });
  } else if (Array.isArray(value)) {
    for (const v of value) refsOf(v, out);
  } else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      refsOf(k, out);
      refsOf(v, out);
    }
  }
  return out;
}
