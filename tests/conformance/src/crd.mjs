// Validates Kubernetes custom resources against the openAPIV3Schema of the CRDs found in the shared
// upstream folder (Karpenter NodePool, EC2NodeClass, NodeOverlay, ...).
// The API server prunes unknown fields silently; here an object schema with `properties` is closed
// (additionalProperties: false) unless it says x-kubernetes-preserve-unknown-fields, so a misspelled
// field is reported. As on the API server, schema defaults are applied first, and the CEL rules
// (x-kubernetes-validations, src/cel.mjs) run only when the schema reports no blocking error.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { compile, validate } from './jsonschema.mjs';
import { applyDefaults } from './crd-defaults.mjs';
import { compileRules, checkRules } from './cel.mjs';

export class CrdCatalog {
  constructor(upstreamDir) {
    this.byKey = new Map(); // "group/version|Kind" -> { schema, file, validateFn, rules }
    for (const dir of fs.readdirSync(upstreamDir, { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      const folder = path.join(upstreamDir, dir.name);
      for (const f of fs.readdirSync(folder).filter((x) => /\.ya?ml$/.test(x))) this.load(path.join(folder, f));
    }
  }

  load(file) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('CustomResourceDefinition')) return;
    for (const doc of YAML.parseAllDocuments(text)) {
      const crd = doc.toJS();
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      const { group, names, versions } = crd.spec ?? {};
      for (const v of versions ?? []) {
        const schema = v.schema?.openAPIV3Schema;
        if (schema && v.served !== false) this.byKey.set(`${group}/${v.name}|${names.kind}`, { schema, file });
      }
    }
  }

  known() {
    return [...this.byKey.keys()].map((k) => k.replace('|', ' ')).sort();
  }

  /**
   * @returns null when apiVersion/kind has no CRD here, else { problems: [{ path, message, blocking }],
   * rules: { failures, notChecked } (src/cel.mjs), rulesSkipped: true when a blocking schema error
   * kept the CEL rules from running }.
   */
  check(apiVersion, kind, object) {
    const entry = this.byKey.get(`${apiVersion}|${kind}`);
    if (!entry) return null;
    entry.validateFn ??= compile(closeObjects(structuredClone(entry.schema)));
    entry.rules ??= compileRules(entry.schema);
    const defaulted = applyDefaults(entry.schema, object);
    const problems = validate(entry.validateFn, defaulted);
    const rulesSkipped = entry.rules !== null && problems.some((p) => p.blocking);
    const rules = rulesSkipped ? { failures: [], notChecked: [] } : checkRules(entry.rules, defaulted);
    return { problems, rules, rulesSkipped };
  }
}

function closeObjects(schema) {
  if (Array.isArray(schema)) {
    schema.forEach(closeObjects);
  } else if (schema && typeof schema === 'object') {
    if (schema.properties && schema.additionalProperties === undefined && schema['x-kubernetes-preserve-unknown-fields'] !== true) {
      schema.additionalProperties = false;
    }
    for (const [k, v] of Object.entries(schema)) {
      if (k !== 'enum' && k !== 'default' && k !== 'example') closeObjects(v);
    }
  }
  return schema;
}
