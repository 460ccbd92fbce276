#!/usr/bin/env python3
"""Prints a stack file's config as PULUMI_CONFIG, the way the Pulumi CLI hands it to a YAML compiler:
a JSON object of "project:key" to a string; maps and lists are JSON-encoded strings. Needs PyYAML."""
import json, sys

try:
    import yaml
except ImportError:
    sys.exit("bench: PyYAML is required (Debian/Ubuntu: apt-get install python3-yaml; pip install pyyaml)")

with open(sys.argv[1]) as f:
    config = yaml.safe_load(f)["config"]


def text(value):
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), sort_keys=True)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


print(json.dumps({key: text(value) for key, value in sorted(config.items())}, separators=(",", ":")))
