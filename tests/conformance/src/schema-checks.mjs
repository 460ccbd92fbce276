// Checks that need more than SDK typings: Karpenter custom resources against upstream CRDs, NVIDIA
// device-plugin config files in ConfigMaps (and in the chart's config.map), Helm values against the
// chart's upstream values.yaml, and node labels that select a device-plugin config.
import { isPlainObject, getKeyCI } from './expr.mjs';
import { evaluate } from './literal.mjs';
import { resolveToken } from './tokens.mjs';
import { checkDevicePluginConfig, looksLikeDevicePluginConfig } from './device-plugin.mjs';
import { chartName, checkValues } from './helm.mjs';

const CONFIG_LABEL = 'nvidia.com/device-plugin.config';
const DEVICE_PLUGIN_CHART = 'nvidia-device-plugin';

/**
 * @param program parsed YAML program
 * @param env { nodeModules, crds: () => CrdCatalog, charts: () => ChartCatalog } (lazy: they need the shared folder)
 * @returns [{ entity, message, severity }]
 */
export function schemaChecks(program, env) {
  const out = [];
  const resources = Object.entries(isPlainObject(program?.resources) ? program.resources : {});
  const kinds = resources.map(([name, res]) => classify(name, res, env.nodeModules)).filter(Boolean);
  const err = (e, message) => out.push({ entity: e.entity, message, severity: 'error' });
  const warn = (e, message) => out.push({ entity: e.entity, message, severity: 'warning' });

  const profileKeys = new Set();
  const referencedConfigMaps = new Map(); // ConfigMap name -> [{ entity, def }] of releases using it
  const configMapKeys = new Map(); // ConfigMap name -> its data keys
  for (const r of kinds.filter((k) => k.kind === 'helm')) checkRelease(r, env, err, warn, profileKeys, referencedConfigMaps);
  for (const r of kinds.filter((k) => k.kind === 'configmap')) checkConfigMap(r, err, profileKeys, referencedConfigMaps, configMapKeys);
  for (const [cm, users] of referencedConfigMaps) {
    const keys = configMapKeys.get(cm);
    for (const u of users) {
      if (keys && typeof u.def === 'string' && u.def && !keys.includes(u.def)) {
        err(u, `helm values: values.config.default '${u.def}' is not a key of ConfigMap '${cm}' (keys: ${keys.join(', ')})`);
      }
    }
  }
  for (const r of kinds.filter((k) => k.kind === 'cr')) checkCustomResource(r, env, err, warn);
  if (profileKeys.size > 0) for (const r of kinds) checkConfigLabel(r, err, profileKeys);
  return out;
}

function classify(name, res, nodeModules) {
  if (!isPlainObject(res)) return null;
  let t;
  try {
    t = resolveToken(res.type, nodeModules);
  } catch {
    return null; // reported by the generator
  }
  const entity = { kind: 'resource', name, type: res.type };
  const props = evaluate(getKeyCI(res, 'properties') ?? {});
  const base = { entity, props: isPlainObject(props) ? props : {} };
  const mod = t.importPath;
  if (mod === '@pulumi/kubernetes/apiextensions' && t.member === 'CustomResource') return { ...base, kind: 'cr' };
  if ((mod === '@pulumi/kubernetes/helm/v3' && t.member === 'Release') || (mod === '@pulumi/kubernetes/helm/v4' && t.member === 'Chart')) return { ...base, kind: 'helm' };
  if (mod === '@pulumi/kubernetes/core/v1' && t.member === 'ConfigMap') return { ...base, kind: 'configmap' };
  if ((mod === '@pulumi/eks' && t.member === 'ManagedNodeGroup') || (mod === '@pulumi/aws/eks' && t.member === 'NodeGroup')) return { ...base, kind: 'nodegroup' };
  return null;
}

function checkCustomResource({ entity, props }, env, err, warn) {
  const { apiVersion, kind } = props;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return err({ entity }, 'custom resource apiVersion and kind must be literal strings');
  }
  const catalog = env.crds();
  const result = catalog.check(apiVersion, kind, props);
  if (result === null) {
    return err({ entity }, `no upstream CRD for apiVersion '${apiVersion}' kind '${kind}' (known: ${catalog.known().join(', ')})`);
  }
  const crd = `${kind} ${apiVersion}`;
  // The API server says so in one extra error; here it rides on the first blocking line.
  const skipNote = result.rulesSkipped ? '; validation rules (x-kubernetes-validations) not checked until such errors are fixed, as on the API server' : '';
  const firstBlocking = result.problems.find((p) => p.blocking);
  for (const p of result.problems) err({ entity }, `${crd} schema: ${p.path}: ${p.message}${p === firstBlocking ? skipNote : ''}`);
  for (const f of result.rules.failures) err({ entity }, `${crd} validation rule: ${f.path}: ${f.message}`);
  for (const n of result.rules.notChecked) warn({ entity }, `${crd} validation rule not checked (${n.reason}): ${n.path}: ${n.message}`);
}

function checkRelease({ entity, props }, env, err, warn, profileKeys, referencedConfigMaps) {
  const name = chartName(props.chart);
  if (!name) return warn({ entity }, 'chart is not a literal string; values not checked');
  const upstream = env.charts().get(name);
  if (!upstream) return warn({ entity }, `no upstream values.yaml for chart '${name}'; values not checked`);
  if (typeof props.version === 'string' && upstream.version && props.version.replace(/^v/, '') !== String(upstream.version).replace(/^v/, '')) {
    warn({ entity }, `chart version ${props.version} differs from the upstream snapshot ${upstream.version}; values checked against ${upstream.version}`);
  }
  const values = props.values;
  if (values === undefined) return;
  if (!isPlainObject(values)) return;
  for (const p of checkValues(values, upstream.values, upstream.subcharts)) err({ entity }, `helm values: ${p.path}: ${p.message}`);
  if (name !== DEVICE_PLUGIN_CHART || !isPlainObject(values.config)) return;
  const { map, name: cmName, default: def } = values.config;
  if (typeof cmName === 'string' && cmName) referencedConfigMaps.set(cmName, [...(referencedConfigMaps.get(cmName) ?? []), { entity, def }]);
  if (isPlainObject(map)) {
    for (const [key, text] of Object.entries(map)) {
      profileKeys.add(key);
      if (typeof text !== 'string') continue;
      for (const p of checkDevicePluginConfig(text)) err({ entity }, `device-plugin config values.config.map.${key}: ${p.path}: ${p.message}`);
    }
    if (typeof def === 'string' && def && !(def in map)) err({ entity }, `helm values: values.config.default '${def}' is not a key of values.config.map`);
  }
}

function checkConfigMap({ entity, props }, err, profileKeys, referencedConfigMaps, configMapKeys) {
  const data = isPlainObject(props.data) ? props.data : {};
  const texts = Object.entries(data).filter(([, v]) => typeof v === 'string');
  const name = props.metadata?.name;
  const referenced = typeof name === 'string' && referencedConfigMaps.has(name);
  const looksLike = texts.length > 0 && texts.every(([, v]) => looksLikeDevicePluginConfig(v));
  if (!referenced && !looksLike) return;
  if (typeof name === 'string') configMapKeys.set(name, Object.keys(data));
  for (const [key, text] of texts) {
    profileKeys.add(key);
    for (const p of checkDevicePluginConfig(text)) err({ entity }, `device-plugin config data.${key}: ${p.path}: ${p.message}`);
  }
}

/** A node label that selects a device-plugin config must name an existing config key. */
function checkConfigLabel({ entity, props, kind }, err, profileKeys) {
  let labels;
  if (kind === 'nodegroup') labels = props.labels;
  else if (kind === 'cr' && props.kind === 'NodePool') labels = props.spec?.template?.metadata?.labels;
  const value = isPlainObject(labels) ? labels[CONFIG_LABEL] : undefined;
  if (typeof value === 'string' && !profileKeys.has(value)) {
    err({ entity }, `label ${CONFIG_LABEL}=${value} names no device-plugin config (known: ${[...profileKeys].sort().join(', ')}); the plugin would exit on such nodes`);
  }
}
