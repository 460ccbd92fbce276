// Entry point: node src/check.mjs PROGRAM.yaml [--stack-config STACK.yaml] [PROGRAM.yaml ...]
// Prints one line per problem (stdout) and a one-line summary (stderr). Exit 0 clean, 1 problems,
// 2 usage or environment error.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { generate } from './generate.mjs';
import { enginePass } from './engine.mjs';
import { typecheck } from './typecheck.mjs';
import { schemaChecks } from './schema-checks.mjs';
import { CrdCatalog } from './crd.mjs';
import { ChartCatalog } from './helm.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const toolDir = path.resolve(here, '..');
const nodeModules = path.join(toolDir, 'node_modules');

class Fatal extends Error {}

// The shared scripts/fetch-upstream.mjs decides where the upstream folder is (and downloads it into
// the repository's cache when no shared folder exists), so the tests and this check agree.
function upstreamDir() {
  const script = path.resolve(toolDir, '..', '..', 'scripts', 'fetch-upstream.mjs');
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0) throw new Fatal(run.stderr.trim() || `${script} failed (exit ${run.status})`);
  process.stderr.write(run.stderr); // download progress, when it had to download
  return path.join(run.stdout.trim(), 'upstream');
}

function lazy(make) {
  let v;
  return () => (v ??= make());
}

function describe(file, entity) {
  if (!entity) return `${file}:`;
  switch (entity.kind) {
    case 'resource':
      return `${file}: resource '${entity.name}' (${entity.type}):`;
    case 'program':
      return `${file}: program:`;
    default:
      return `${file}: ${entity.kind} '${entity.name}':`;
  }
}

const USAGE = 'usage: tests/conformance/check PROGRAM.yaml [--stack-config STACK.yaml] [PROGRAM.yaml [--stack-config STACK.yaml] ...] [--keep-work]\n';

/** Programs in order, each with the stack file given right after it (or null). */
function parseArgs(argv) {
  const programs = [];
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--keep-work') keep = true;
    else if (a === '--stack-config') {
      const prev = programs.at(-1);
      if (!prev || prev.stack !== null || i + 1 >= argv.length) return null;
      prev.stack = argv[++i];
    } else if (a.startsWith('--')) return null;
    else programs.push({ file: a, stack: null });
  }
  return programs.length ? { programs, keep } : null;
}

/** The `config:` map of a Pulumi stack file (Pulumi.<stack>.yaml). */
function readStackConfig(file) {
  let doc;
  try {
    doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Fatal(`cannot read stack file ${file}: ${err.message.split('\n')[0]}`);
  }
  const config = doc?.config ?? {};
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new Fatal(`stack file ${file}: 'config' is not a map`);
  return config;
}

function main(argv) {
  const args = parseArgs(argv);
  if (!args) {
    process.stderr.write(USAGE);
    return 2;
  }
  const { programs, keep } = args;
  const files = programs.map((p) => p.file);
  const t0 = Date.now();
  const workDir = path.join(toolDir, '.work', `run-${process.pid}`);
  fs.mkdirSync(workDir, { recursive: true });
  const fnImport = path.relative(workDir, path.join(here, 'fn')).replace(/\\/g, '/');
  const crds = lazy(() => {
    const dir = upstreamDir();
    const catalog = new CrdCatalog(dir);
    if (catalog.known().length === 0) throw new Fatal(`no CustomResourceDefinition files under ${dir} (expected e.g. ${path.join(dir, 'karpenter', 'karpenter.sh_nodepools.yaml')})`);
    return catalog;
  });
  const charts = lazy(() => new ChartCatalog(upstreamDir()));

  const lines = []; // { file, order, text, severity }
  const seen = new Set();
  const add = (file, entity, message, severity = 'error') => {
    const text = `${describe(file, entity)} ${severity === 'warning' ? 'warning: ' : ''}${message}`;
    if (!seen.has(text)) lines.push({ file, order: entity?.order ?? -1, severity, text });
    seen.add(text);
  };
  const units = [];
  let resourceCount = 0;
  try {
    const stacks = programs.map((p) => (p.stack === null ? null : readStackConfig(p.stack)));
    files.forEach((file, i) => {
      let program;
      try {
        program = YAML.parse(fs.readFileSync(file, 'utf8'), { uniqueKeys: true });
      } catch (err) {
        add(file, null, `cannot read program: ${err.message.split('\n')[0]}`);
        return;
      }
      const gen = generate(program, { nodeModules, fnImport });
      const tsFile = path.join(workDir, `p${i}_${path.basename(file).replace(/[^\w]/g, '_')}.ts`);
      fs.writeFileSync(tsFile, gen.text);
      const orderOf = new Map(gen.entities.map((e) => [`${e.kind}:${e.name}`, e.order]));
      const withOrder = (e) => e && { ...e, order: orderOf.get(`${e.kind}:${e.name}`) ?? e.order };
      for (const p of gen.problems) add(file, withOrder(p.entity), p.message);
      for (const p of enginePass(program, { stackConfig: stacks[i] })) add(file, withOrder(p.entity), p.message, p.severity);
      for (const p of schemaChecks(program, { nodeModules, crds, charts })) add(file, withOrder(p.entity), p.message, p.severity);
      resourceCount += gen.entities.filter((e) => e.kind === 'resource').length;
      units.push({ file, tsFile, entities: gen.entities });
    });
    if (units.length) {
      for (const d of typecheck(units)) add(d.unit.file, d.entity, d.path ? `${d.message} [at ${d.path}]` : d.message);
    }
  } catch (err) {
    if (err instanceof Fatal) {
      process.stderr.write(`conformance: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    if (!keep) fs.rmSync(workDir, { recursive: true, force: true });
  }

  const order = new Map(files.map((f, i) => [f, i]));
  lines.sort((a, b) => order.get(a.file) - order.get(b.file) || a.order - b.order);
  for (const l of lines) process.stdout.write(`${l.text}\n`);
  const errors = lines.filter((l) => l.severity === 'error').length;
  const warnings = lines.length - errors;
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const summary = `${files.length} program(s), ${resourceCount} resource(s), ${errors} problem(s), ${warnings} warning(s) in ${secs}s`;
  process.stderr.write(`conformance: ${errors ? 'FAILED' : 'OK'}: ${summary}${keep ? ` (TypeScript kept in ${workDir})` : ''}\n`);
  return errors ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
