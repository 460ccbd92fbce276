// Runs the TypeScript compiler (in-process, one program for all generated files) and maps each
// diagnostic back to the Pulumi YAML entity (resource/variable/output/config) it came from.
import ts from 'typescript';

const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  lib: ['lib.es2020.d.ts'],
  types: [],
  noUnusedLocals: false,
};

/**
 * @param units [{ tsFile, entities }]
 * @returns [{ unit, entity, path, message }] ; entity is null for diagnostics outside any entity
 */
export function typecheck(units) {
  const program = ts.createProgram(units.map((u) => u.tsFile), COMPILER_OPTIONS);
  const byFile = new Map(units.map((u) => [normalize(u.tsFile), u]));
  const out = [];
  const diags = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const u of units) {
    const sf = program.getSourceFile(u.tsFile);
    if (!sf) continue;
    diags.push(...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf));
  }
  for (const d of diags) {
    const unit = d.file ? byFile.get(normalize(d.file.fileName)) : undefined;
    const message = cleanMessage(d.messageText);
    if (!unit) {
      out.push({ unit: units[0], entity: null, path: '', message: `typescript: ${message}` });
      continue;
    }
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const entity = unit.entities.find((e) => line >= e.startLine && line <= e.endLine) ?? null;
    const lineText = d.file.text.split('\n')[line] ?? '';
    const tagAt = lineText.lastIndexOf(' // @p ');
    const path = tagAt >= 0 ? lineText.slice(tagAt + 7).trim() : '';
    if (entity?.quiet) continue;
    const inClassName = (entity?.classSpans ?? []).some(([start, len]) => d.start >= start && d.start < start + len);
    out.push({
      unit,
      entity,
      path,
      message: inClassName ? `unknown type token '${entity.type}': ${message}` : message,
    });
  }
  return out;
}

const normalize = (f) => f.replace(/\\/g, '/');

/**
 * One line per diagnostic: the head message, plus the innermost elaboration when the head is a
 * generic "Argument of type '{ ...huge literal... }' is not assignable" line.
 */
function cleanMessage(messageText) {
  const lines = ts.flattenDiagnosticMessageText(messageText, '\n').split('\n').map((s) => s.trim()).filter(Boolean);
  let msg = lines[0];
  if (lines.length > 1) {
    const last = lines[lines.length - 1];
    msg = /^(Argument of type|Type '\{)/.test(msg) || msg.length > 200 ? last : `${msg} (${last})`;
  }
  return msg
    .replace(/typeof import\("[^"]*node_modules\/([^"]+?)(\/index)?"\)/g, '$1')
    .replace(/import\("[^"]*node_modules\/([^"]+?)(\/index)?"\)/g, '$1')
    .replace(/OutputInstance<([^']*?)> & Lifted[^']*/g, 'Output<$1>')
    .replace(/\s+/g, ' ');
}
