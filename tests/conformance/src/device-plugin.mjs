// NVIDIA k8s-device-plugin config file (`version: v1`), as read by v0.20.0 (api/config/v1).
// The plugin's own parser is lenient (unknown keys vanish silently); this schema is strict and
// mirrors the plugin's hard rules: resources non-empty, name and replicas required, replicas >= 2,
// devices "all" | count > 0 | list. MPS: at most 48 replicas per GPU, no MIG `mixed` strategy.
import YAML from 'yaml';
import { compile, validate } from './jsonschema.mjs';
import { isPlainObject } from './expr.mjs';

const str = { type: 'string' };
const bool = { type: 'boolean' };
const closed = (properties, extra = {}) => ({ type: 'object', additionalProperties: false, properties, ...extra });

const replicated = (maxReplicas) =>
  closed(
    {
      renameByDefault: bool,
      failRequestsGreaterThanOne: bool,
      resources: {
        type: 'array',
        minItems: 1,
        items: closed(
          {
            name: { type: 'string', minLength: 1 },
            rename: str,
            replicas: { type: 'integer', minimum: 2, ...(maxReplicas ? { maximum: maxReplicas } : {}) },
            devices: { anyOf: [{ const: 'all' }, { type: 'integer', minimum: 1 }, { type: 'array', items: { type: ['string', 'integer'] } }] },
          },
          { required: ['name', 'replicas'] },
        ),
      },
    },
    { required: ['resources'] },
  );

const SCHEMA = closed(
  {
    version: { const: 'v1' },
    flags: closed({
      migStrategy: { enum: ['none', 'single', 'mixed'] },
      failOnInitError: bool,
      restartOnDeviceUnhealthy: bool,
      nvidiaDriverRoot: str,
      nvidiaDevRoot: str,
      gdsEnabled: bool,
      mofedEnabled: bool,
      gdrcopyEnabled: bool,
      mpsRoot: str,
      useNodeFeatureAPI: bool,
      deviceDiscoveryStrategy: { enum: ['auto', 'nvml', 'tegra'] },
      plugin: closed({
        passDeviceSpecs: bool,
        deviceListStrategy: {
          anyOf: [
            { enum: ['envvar', 'volume-mounts', 'cdi-annotations', 'cdi-cri'] },
            { type: 'array', items: { enum: ['envvar', 'volume-mounts', 'cdi-annotations', 'cdi-cri'] } },
          ],
        },
        deviceIDStrategy: { enum: ['uuid', 'index'] },
        cdiAnnotationPrefix: str,
        nvidiaCTKPath: str,
        containerDriverRoot: str,
        sharedDevicesAllocationPolicy: { enum: ['distributed', 'packed'] },
      }),
      gfd: closed({ oneshot: bool, noTimestamp: bool, sleepInterval: str, outputFile: str, machineTypeFile: str }),
    }),
    resources: closed({ gpus: { type: 'array' }, mig: { type: 'array' } }),
    sharing: closed({ timeSlicing: replicated(0), mps: replicated(48) }),
    imex: closed({ channelIDs: { type: 'array', items: { type: 'integer' } }, required: bool }),
  },
  { required: ['version'] },
);

let validateFn;

/** Parses YAML text; returns the object, or null when it is not a map. */
export function parseConfigText(text) {
  try {
    const v = YAML.parse(text);
    return isPlainObject(v) ? v : null;
  } catch {
    return null;
  }
}

export const looksLikeDevicePluginConfig = (text) => parseConfigText(text)?.version === 'v1';

/** @returns [{path, message}] for one config file's text. */
export function checkDevicePluginConfig(text) {
  let obj;
  try {
    obj = YAML.parse(text);
  } catch (err) {
    return [{ path: '', message: `not valid YAML: ${err.message.split('\n')[0]}` }];
  }
  if (!isPlainObject(obj)) return [{ path: '', message: 'must be a YAML map' }];
  validateFn ??= compile(SCHEMA);
  const problems = validate(validateFn, obj);
  if (obj.sharing?.mps && obj.flags?.migStrategy === 'mixed') {
    problems.push({ path: 'sharing.mps', message: 'MPS cannot be combined with flags.migStrategy mixed' });
  }
  return problems;
}
