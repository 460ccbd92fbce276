// Helm values check: every key path set in a release's `values` must exist in the chart's upstream
// values.yaml. Below an upstream empty map, a list, a null, a subchart alias, or a key that is
// free-form by convention (labels, annotations, affinity, ...), any children are accepted.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { isPlainObject } from './expr.mjs';
import { isUnknown } from './literal.mjs';

const FREE_FORM = new Set([
  'podAnnotations', 'podLabels', 'annotations', 'labels', 'additionalLabels', 'additionalAnnotations',
  'nodeSelector', 'affinity', 'tolerations', 'resources', 'extraArgs', 'env', 'envFrom',
  'securityContext', 'podSecurityContext', 'topologySpreadConstraints', 'dnsConfig', 'extraVolumes',
  'extraVolumeMounts', 'selectorLabelsOverride', 'global',
]);

/** Chart name from a `chart` input: `oci://host/path/karpenter` -> karpenter, `repo/name` -> name. */
export function chartName(chart) {
  if (typeof chart !== 'string') return null;
  const last = chart.replace(/\/+$/, '').split('/').pop();
  return last.replace(/:.*$/, '') || null;
}

export class ChartCatalog {
  constructor(upstreamDir) {
    this.upstreamDir = upstreamDir;
    this.cache = new Map();
  }

  /** { values, version, subcharts } or null when no upstream copy exists. */
  get(name) {
    if (!this.cache.has(name)) {
      const dir = path.join(this.upstreamDir, name);
      const valuesFile = path.join(dir, 'values.yaml');
      let entry = null;
      if (/^[\w.-]+$/.test(name) && fs.existsSync(valuesFile)) {
        const chartFile = path.join(dir, 'Chart.yaml');
        const chart = fs.existsSync(chartFile) ? YAML.parse(fs.readFileSync(chartFile, 'utf8')) ?? {} : {};
        const subcharts = new Set((chart.dependencies ?? []).map((d) => d.alias ?? d.name));
        entry = { values: YAML.parse(fs.readFileSync(valuesFile, 'utf8')) ?? {}, version: chart.version, subcharts, valuesFile };
      }
      this.cache.set(name, entry);
    }
    return this.cache.get(name);
  }
}

/** @returns [{path, message}] for value keys that do not exist upstream. */
export function checkValues(values, upstream, subcharts) {
  const out = [];
  walk(values, upstream, 'values', out, subcharts, true);
  return out;
}

function walk(given, up, at, out, subcharts, top) {
  if (!isPlainObject(given)) return;
  for (const [k, v] of Object.entries(given)) {
    const p = /^[A-Za-z_][\w-]*$/.test(k) ? `${at}.${k}` : `${at}["${k}"]`;
    if (!Object.prototype.hasOwnProperty.call(up, k)) {
      if (top && subcharts.has(k)) continue;
      out.push({ path: p, message: 'no such key in the chart\'s upstream values.yaml' });
      continue;
    }
    const u = up[k];
    if (FREE_FORM.has(k) || u === null || Array.isArray(u) || (top && subcharts.has(k))) continue;
    if (isPlainObject(u)) {
      if (Object.keys(u).length === 0) continue;
      if (isPlainObject(v)) walk(v, u, p, out, subcharts, false);
      else if (v !== null && !isUnknown(v)) out.push({ path: p, message: 'upstream this is a map, not a single value' });
    } else if (isPlainObject(v) && !isUnknown(v)) {
      out.push({ path: p, message: `upstream this is a single value (${JSON.stringify(u)}), not a map` });
    }
  }
}
