// Pulumi YAML program -> TypeScript program against the official Pulumi Node SDKs.
// The TypeScript is only type-checked (never run); every resource becomes
//   const r_<name> = new <module>.<Class>("<name>", { ...properties }, { ...options });
// with object literals inline, so tsc's excess-property, assignability and required-property checks
// apply to every input. Lines carrying a property end in `// @p <path>` so diagnostics can be mapped
// back to the YAML property; `entities` records the line range of every resource/variable/output.
import { parseInterpolation, builtinName, isPlainObject, getKeyCI, collectRefs } from './expr.mjs';
import { resolveToken, ident } from './tokens.mjs';
import { builtinProblems, classifyKey } from './builtins.mjs';

const TOP_KEYS = new Set(['name', 'runtime', 'description', 'config', 'configuration', 'variables', 'resources', 'outputs', 'packages', 'pulumi']);
const RESOURCE_KEYS = new Set(['type', 'properties', 'options', 'get', 'condition', 'metadata', 'defaultprovider']);
const PULUMI_VARS = { stack: 'pulumi.getStack()', project: 'pulumi.getProject()', organization: 'pulumi.getOrganization()', cwd: 'fnCwd()', rootDirectory: 'fnRootDirectory()' };
const ASSETS = { 'fn::stringasset': 'StringAsset', 'fn::fileasset': 'FileAsset', 'fn::remoteasset': 'RemoteAsset', 'fn::filearchive': 'FileArchive', 'fn::remotearchive': 'RemoteArchive', 'fn::assetarchive': 'AssetArchive' };
// Built-ins whose result type is all the TypeScript needs (helpers in fn.d.ts).
const TYPED_HELPERS = { 'fn::join': 'fnJoin', 'fn::split': 'fnSplit', 'fn::select': 'fnSelect', 'fn::tojson': 'fnToJSON', 'fn::tobase64': 'fnToBase64', 'fn::frombase64': 'fnFromBase64', 'fn::readfile': 'fnReadFile', 'fn::filebase64': 'fnString', 'fn::filebase64sha256': 'fnString', 'fn::sha1': 'fnString', 'fn::pulumiresourcename': 'fnString', 'fn::pulumiresourcetype': 'fnString', 'fn::length': 'fnLength', 'fn::singleornone': 'fnAny', 'fn::stackreference': 'fnAny' };
const ANY = '(undefined as any)';
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * @param program parsed YAML object
 * @param opts { nodeModules, fnImport }
 * @returns { text, entities: [{kind,name,type,order,startLine,endLine,classStart,classEnd}], problems: [{entity,message}] }
 */
export function generate(program, opts) {
  return new Generator(program, opts).run();
}

class Generator {
  constructor(program, { nodeModules, fnImport }) {
    this.p = isPlainObject(program) ? program : {};
    this.nodeModules = nodeModules;
    this.fnImport = fnImport;
    this.imports = new Map(); // alias -> import path
    this.problems = [];
    this.entities = [];
    this.body = '';
    this.names = new Map(); // YAML name -> { kind, id }
  }

  run() {
    const programEntity = { kind: 'program', name: '' };
    for (const k of Object.keys(this.p)) {
      if (!TOP_KEYS.has(k)) this.problem(programEntity, `unknown top-level key '${k}'`);
    }
    const config = { ...mapOf(this.p.configuration), ...mapOf(this.p.config) };
    const variables = mapOf(this.p.variables);
    const resources = mapOf(this.p.resources);
    const outputs = mapOf(this.p.outputs);
    const used = new Set();
    // A clashing name keeps the node pulumi-yaml keeps (config, then resources, then variables;
    // sort.go); the clash itself is reported by the engine pass.
    const declare = (kind, name, prefix) => {
      if (this.names.has(name)) return;
      let id = `${prefix}_${ident(name)}`;
      while (used.has(id)) id += '_';
      used.add(id);
      this.names.set(name, { kind, id });
    };
    for (const k of Object.keys(config)) declare('config', k, 'c');
    for (const k of Object.keys(resources)) declare('resource', k, 'r');
    for (const k of Object.keys(variables)) declare('variable', k, 'v');

    this.write('const __cfg = new pulumi.Config();\n');
    let order = 0;
    for (const [k, decl] of Object.entries(config)) this.emitConfig(k, decl, order++);
    for (const { kind, name } of this.sortDeclarations(variables, resources)) {
      if (kind === 'variable') this.emitVariable(name, variables[name], order++);
      else this.emitResource(name, resources[name], order++);
    }
    for (const [k, v] of Object.entries(outputs)) this.emitOutput(k, v, order++);
    this.write('export {};\n');
    return this.finish();
  }

  // ---- output text bookkeeping -------------------------------------------------------------
  write(s) {
    this.body += s;
  }
  get line() {
    return countLines(this.body);
  }
  begin(entity) {
    entity.startLine = this.line;
    this.entities.push(entity);
    return entity;
  }
  end(entity) {
    entity.endLine = this.line - 1;
    // tsc's use-before-declaration errors inside a reported cycle add nothing
    if (this.cyclic?.has(entity.name)) entity.quiet = true;
  }
  problem(entity, message) {
    this.problems.push({ entity, message });
  }
  finish() {
    const fnNames = 'coerce, fnJoin, fnSplit, fnSelect, fnToJSON, fnToBase64, fnFromBase64, fnReadFile, fnString, fnLength, fnAny, fnCwd, fnRootDirectory';
    let header = '// Generated by tests/conformance/src/generate.mjs - type-checked only, never run.\n';
    header += 'import * as pulumi from "@pulumi/pulumi";\n';
    header += `import { ${fnNames} } from ${JSON.stringify(this.fnImport)};\n`;
    for (const [alias, path] of [...this.imports].sort()) header += `import * as ${alias} from ${JSON.stringify(path)};\n`;
    const shiftLines = countLines(header);
    for (const e of this.entities) {
      e.startLine += shiftLines;
      e.endLine += shiftLines;
      e.classSpans = (e.classSpans ?? []).map(([start, len]) => [start + header.length, len]);
    }
    return { text: header + this.body, entities: this.entities, problems: this.problems };
  }

  // ---- ordering ------------------------------------------------------------------------------
  /** Variables and resources in dependency order (YAML order where free); cycles (reported by the
   * engine pass) keep YAML order. */
  sortDeclarations(variables, resources) {
    const nodes = [
      ...Object.keys(variables).map((name) => ({ kind: 'variable', name, body: variables[name] })),
      ...Object.keys(resources).map((name) => ({ kind: 'resource', name, body: resources[name] })),
    ].filter((n) => this.names.get(n.name)?.kind === n.kind);
    const byName = new Map(nodes.map((n) => [n.name, n]));
    for (const n of nodes) {
      const refs = collectRefs(n.kind === 'resource' ? [getKeyCI(n.body, 'properties'), getKeyCI(n.body, 'options'), getKeyCI(n.body, 'get')] : n.body);
      n.deps = new Set(refs.map((r) => r.root).filter((r) => byName.has(r)));
    }
    const done = new Set();
    const out = [];
    let progress = true;
    while (out.length < nodes.length && progress) {
      progress = false;
      for (const n of nodes) {
        if (done.has(n.name) || ![...n.deps].every((d) => done.has(d))) continue;
        done.add(n.name);
        out.push(n);
        progress = true;
        break; // restart so YAML order wins among ready nodes
      }
    }
    const rest = nodes.filter((n) => !done.has(n.name));
    if (rest.length) {
      this.cyclic = new Set(rest.map((n) => n.name));
      out.push(...rest);
    }
    return out;
  }

  // ---- declarations --------------------------------------------------------------------------
  emitConfig(key, decl, order) {
    const e = this.begin({ kind: 'config', name: key, order });
    const isDecl = isPlainObject(decl) && Object.keys(decl).some((k) => ['type', 'default', 'secret', 'value', 'items', 'description'].includes(k));
    const d = isDecl ? decl : { default: decl };
    const def = d.default !== undefined ? d.default : d.value;
    const type = configTsType(d, def);
    if (!type) this.problem(e, `unknown config type '${d.type}'`);
    const t = type || 'any';
    const { id } = this.names.get(key);
    const ctx = { entity: e, coerce: false };
    const [ns, k] = key.includes(':') ? key.split(/:(.*)/s) : [null, key];
    const cfg = ns ? `new pulumi.Config(${JSON.stringify(ns)})` : '__cfg';
    const isStr = t === 'string';
    const get = isStr ? `${cfg}.get(${JSON.stringify(k)})` : `${cfg}.getObject<${t}>(${JSON.stringify(k)})`;
    const req = isStr ? `${cfg}.require${d.secret ? 'Secret' : ''}(${JSON.stringify(k)})` : `${cfg}.require${d.secret ? 'SecretObject' : 'Object'}<${t}>(${JSON.stringify(k)})`;
    this.write(`// config '${oneLine(key)}'\n`);
    if (def !== undefined && def !== null) {
      const value = `${get} ?? (${this.value(def, ctx, 0, 'default')})`;
      this.write(d.secret ? `const ${id} = pulumi.secret<${t}>(${value});\n` : `const ${id}: ${t} = ${value};\n`);
    } else {
      this.write(d.secret ? `const ${id} = ${req};\n` : `const ${id}: ${t} = ${req};\n`);
    }
    this.end(e);
  }

  emitVariable(name, value, order) {
    const e = this.begin({ kind: 'variable', name, order });
    this.write(`// variable '${oneLine(name)}'\nconst ${this.names.get(name).id} = ${this.value(value, { entity: e, coerce: false }, 0, '')};\n`);
    this.end(e);
  }

  emitOutput(name, value, order) {
    const e = this.begin({ kind: 'output', name, order });
    let id = `o_${ident(name)}`;
    while (this.outputIds?.has(id)) id += '_';
    (this.outputIds ??= new Set()).add(id);
    this.write(`// output '${oneLine(name)}'\nexport const ${id} = ${this.value(value, { entity: e, coerce: false }, 0, '')};\n`);
    this.end(e);
  }

  emitResource(name, res, order) {
    const type = isPlainObject(res) ? res.type : undefined;
    const e = this.begin({ kind: 'resource', name, type, order, classSpans: [] });
    const { id } = this.names.get(name);
    this.write(`// resource '${oneLine(name)}' (${oneLine(type)})\n`);
    if (!isPlainObject(res)) {
      this.problem(e, 'a resource must be a map with a `type`');
      this.write(`const ${id}: any = undefined;\n`);
      return this.end(e);
    }
    for (const k of Object.keys(res)) {
      if (!RESOURCE_KEYS.has(k.toLowerCase())) this.problem(e, `unknown resource key '${k}' (allowed: type, properties, options, get)`);
    }
    let t;
    try {
      t = resolveToken(type, this.nodeModules);
    } catch (err) {
      this.problem(e, err.message);
      this.write(`const ${id}: any = undefined;\n`);
      return this.end(e);
    }
    this.imports.set(t.alias, t.importPath);
    const ctx = { entity: e, coerce: true };
    const props = getKeyCI(res, 'properties');
    const options = getKeyCI(res, 'options');
    const get = getKeyCI(res, 'get');
    const cls = `${t.alias}.${t.member}`;
    let optText = options === undefined ? '' : `, ${this.value(options, { ...ctx, coerce: false }, 0, 'options')}`;
    if (optText && !get) {
      // Options get their own statement so their errors are reported even when the properties
      // argument also fails (tsc reports one failing argument per call).
      const optPrefix = `const opts_${id}: ConstructorParameters<typeof `;
      e.classSpans.push([this.body.length + optPrefix.length, cls.length]);
      this.write(`${optPrefix}${cls}>[2] = ${optText.slice(2)};\n`);
      optText = `, opts_${id}`;
    }
    const prefix = `const ${id} = ${get ? '' : 'new '}`;
    e.classSpans.push([this.body.length + prefix.length, cls.length]);
    if (get) {
      const gid = this.value(getKeyCI(get, 'id'), ctx, 0, 'get.id');
      const state = getKeyCI(get, 'state');
      const stateText = state !== undefined ? this.value(state, ctx, 0, 'get.state') : t.pkg === 'kubernetes' ? null : 'undefined';
      const args = [JSON.stringify(name), gid, stateText, optText ? optText.slice(2) : null].filter((x) => x !== null);
      this.write(`${prefix}${cls}.get(${args.join(', ')});\n`);
    } else {
      const propText = this.value(props ?? {}, ctx, 0, 'properties');
      this.write(`${prefix}${cls}(${JSON.stringify(name)}, ${propText}${optText});\n`);
    }
    this.end(e);
  }

  // ---- values ------------------------------------------------------------------------------
  /** TypeScript text for a YAML value. Multi-line for maps/lists of maps; property lines tagged. */
  value(v, ctx, indent, path) {
    if (v === null || v === undefined) return 'undefined';
    if (typeof v === 'boolean' || typeof v === 'number') return String(v);
    if (typeof v === 'string') return this.string(v, ctx);
    if (v instanceof Date) return JSON.stringify(v.toISOString());
    if (Array.isArray(v)) return this.array(v, ctx, indent, path);
    const keys = Object.keys(v);
    if (keys.length === 1 && classifyKey(keys[0])) return this.builtin(keys[0], v[keys[0]], ctx, indent, path);
    // pulumi-yaml does not evaluate a built-in that shares its map (reported by the engine pass)
    if (keys.some((k) => classifyKey(k))) return ANY;
    return this.object(v, ctx, indent, path);
  }

  object(obj, ctx, indent, path) {
    const entries = Object.entries(obj);
    if (entries.length === 0) return '{}';
    const pad = '    '.repeat(indent + 1);
    const lines = entries.map(([raw, val]) => {
      const k = path === 'properties' ? raw : literalKey(raw); // nested keys are expressions (ast/expr.go ParseExpr)
      const p = joinPath(path, k);
      const key = IDENT.test(k) ? k : JSON.stringify(k);
      return tagFirstLine(`${pad}${key}: ${this.value(val, ctx, indent + 1, p)},`, p);
    });
    return `{\n${lines.join('\n')}\n${'    '.repeat(indent)}}`;
  }

  array(arr, ctx, indent, path) {
    const simple = arr.every((x) => !isPlainObject(x) || builtinName(x));
    const items = arr.map((x, i) => this.value(x, ctx, indent + 1, `${path}[${i}]`));
    if (simple && items.every((s) => !s.includes('\n'))) return `[${items.join(', ')}]`;
    const pad = '    '.repeat(indent + 1);
    return `[\n${items.map((s, i) => tagFirstLine(`${pad}${s},`, `${path}[${i}]`)).join('\n')}\n${'    '.repeat(indent)}]`;
  }

  string(s, ctx) {
    if (!s.includes('$')) return JSON.stringify(s);
    let parts;
    try {
      parts = parseInterpolation(s);
    } catch {
      return ANY; // reported by the engine pass
    }
    if (parts.length === 1 && parts[0].ref) {
      const r = this.ref(parts[0].ref);
      return ctx.coerce ? `coerce(${r})` : r;
    }
    if (parts.every((p) => !p.ref)) return JSON.stringify(parts.map((p) => p.text).join(''));
    const body = parts.map((p) => (p.ref ? `\${${this.ref(p.ref)}}` : escapeTemplate(p.text))).join('');
    return `pulumi.interpolate\`${body}\``;
  }

  /** `${root.a[0].b}` -> typed property access on the declared TS constant. */
  ref({ root, path }) {
    // `pulumi` is reserved (sort.go checkUniqueNode): it never names a declared node
    if (root === 'pulumi') return path.length === 1 && PULUMI_VARS[path[0].prop] ? PULUMI_VARS[path[0].prop] : ANY;
    const decl = this.names.get(root);
    if (!decl) {
      if (root.includes(':')) {
        const [ns, key] = root.split(/:(.*)/s);
        return chain(`new pulumi.Config(${JSON.stringify(ns)}).require(${JSON.stringify(key)})`, path);
      }
      return ANY; // unknown names are reported by the engine pass
    }
    if (decl.kind === 'resource' && path.length > 0 && path[0].prop !== undefined) {
      return chain(`${decl.id}${access(path[0])}`, path.slice(1));
    }
    return chain(decl.id, path);
  }

  /** A single-key `fn::` map. Ill-formed calls (reported by the engine pass) become `any`. */
  builtin(key, arg, ctx, indent, path) {
    if (builtinProblems(key, arg).some((p) => p.severity === 'error')) return ANY;
    const fn = key.toLowerCase();
    const inner = { ...ctx, coerce: false };
    const val = (x, p) => this.value(x, inner, indent, p);
    const kind = classifyKey(key).kind;
    if (kind === 'shorthand') return this.invoke({ function: key.slice(4), arguments: isPlainObject(arg) ? arg : {} }, ctx, indent, path); // expr.go tryParseFunction
    if (fn === 'fn::invoke') return this.invoke(arg, ctx, indent, path);
    if (fn === 'fn::secret') return `pulumi.secret(${this.value(arg, ctx, indent, path)})`;
    if (fn === 'fn::unsecret') return `pulumi.unsecret(pulumi.output(${val(arg, path)}))`;
    if (ASSETS[fn]) return `new pulumi.asset.${ASSETS[fn]}(${val(arg, path)})`;
    const helper = TYPED_HELPERS[fn];
    if (Array.isArray(arg) && ['fn::join', 'fn::split', 'fn::select'].includes(fn)) return `${helper}(${val(arg[0], `${path}.${key}[0]`)}, ${val(arg[1], `${path}.${key}[1]`)})`;
    return `${helper}(${val(arg, path)})`;
  }

  invoke(arg, ctx, indent, path) {
    const token = getKeyCI(arg, 'function');
    let t;
    try {
      t = resolveToken(token, this.nodeModules);
    } catch (err) {
      this.problem(ctx.entity, `fn::invoke: ${err.message.replace('type token', 'function token')}`);
      return ANY;
    }
    this.imports.set(t.alias, t.importPath);
    const args = this.value(getKeyCI(arg, 'arguments') ?? {}, { ...ctx, coerce: true }, indent, `${path}.arguments`);
    const options = getKeyCI(arg, 'options');
    const optText = options === undefined ? '' : `, ${this.value(options, { ...ctx, coerce: false }, indent, `${path}.options`)}`;
    const call = `${t.alias}.${t.member}Output(${args}${optText})`;
    const ret = getKeyCI(arg, 'return');
    return ret === undefined ? call : chain(call, [{ prop: String(ret) }]);
  }
}

// ---- helpers --------------------------------------------------------------------------------
const oneLine = (s) => String(s).replace(/[\r\n\u2028\u2029]/g, ' ');

/** A nested map key's text after `$$` unescaping (keys with references stay as written). */
function literalKey(key) {
  if (!key.includes('$')) return key;
  try {
    const parts = parseInterpolation(key);
    return parts.every((p) => !p.ref) ? parts.map((p) => p.text).join('') : key;
  } catch {
    return key;
  }
}

function mapOf(v) {
  return isPlainObject(v) ? v : {};
}

function countLines(s) {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function joinPath(path, key) {
  const k = IDENT.test(key) || /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
  return path ? (k.startsWith('"') ? `${path}[${k}]` : `${path}.${k}`) : k;
}

/** Appends `// @p path` to the first line of a (possibly multi-line) entry. */
function tagFirstLine(text, path) {
  const i = text.indexOf('\n');
  const tag = ` // @p ${path.replace(/[\r\n]/g, ' ')}`;
  return i < 0 ? text + tag : text.slice(0, i) + tag + text.slice(i);
}

function access(seg) {
  if (seg.index !== undefined) return `[${seg.index}]`;
  return IDENT.test(seg.prop) ? `.${seg.prop}` : `[${JSON.stringify(seg.prop)}]`;
}

/** base.a[0].b on Outputs: one apply per step keeps every property name type-checked, and unwraps
 * nested Outputs (e.g. eks.Cluster.eksCluster is Output<aws.eks.Cluster>, whose .name is an Output). */
function chain(base, path) {
  if (path.length === 0) return base;
  return `pulumi.output(${base})${path.map((seg) => `.apply(v => v!${access(seg)}!)`).join('')}`;
}

function escapeTemplate(s) {
  return s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Pulumi YAML config type -> TypeScript type (null when unknown). */
export function configTsType(decl, def) {
  const t = decl.type;
  if (t === undefined || t === null) {
    if (typeof def === 'number') return 'number';
    if (typeof def === 'boolean') return 'boolean';
    if (Array.isArray(def)) return 'any[]';
    if (isPlainObject(def)) return 'Record<string, any>';
    return 'string';
  }
  const s = String(t).trim().toLowerCase();
  const list = /^list<(.+)>$/.exec(s);
  if (list) {
    const inner = configTsType({ type: list[1] });
    return inner ? `${inner}[]` : null;
  }
  if (s === 'array') {
    const inner = decl.items ? configTsType(decl.items) : 'any';
    return inner ? `${inner}[]` : null;
  }
  return { string: 'string', integer: 'number', int: 'number', number: 'number', boolean: 'boolean', bool: 'boolean', object: 'Record<string, any>', map: 'Record<string, any>' }[s] ?? null;
}
