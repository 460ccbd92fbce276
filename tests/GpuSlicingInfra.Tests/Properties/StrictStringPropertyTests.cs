using System.Text.Json.Nodes;
using CsCheck;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Properties;

/// <summary>
/// Every string of a stack config, values, list items and map keys alike, is refused with its key path
/// when it gains a trailing newline (.NET's <c>$</c> matches before one) or a digit of another script
/// (.NET's <c>\d</c> matches those): exit 1, nothing on stdout, the key on stderr, in both the
/// stack-file and the compiler (<c>PULUMI_CONFIG</c>) modes. The string keys come from the README's
/// config reference, so a new string key fails here until a baseline sets it.
/// </summary>
public sealed class StrictStringPropertyTests
{
    private const string Prefix = "gpu-slicing-infra:";

    private const string Stack = "strict";

    // Zeros of scripts whose digits are Unicode category Nd, which \d matches: Arabic-Indic,
    // Extended Arabic-Indic, Devanagari, Bengali, Thai, fullwidth.
    private static readonly char[] ForeignZeros = ['\u0660', '\u06F0', '\u0966', '\u09E6', '\u0E50', '\uFF10'];

    private static readonly JsonObject NewVpcBaseline = new()
    {
        [Prefix + "environment"] = "dev",
        [Prefix + "tags"] = new JsonObject { ["team"] = "ml-platform", ["cost-center"] = "ml-dev-2" },
        [Prefix + "network"] = new JsonObject { ["cidrBlock"] = "10.20.0.0/16", ["natGateways"] = "single" },
        [Prefix + "cluster"] = new JsonObject
        {
            ["name"] = "gpu-slicing-dev1",
            ["kubernetesVersion"] = "1.34",
            ["endpointPublicAccess"] = true,
            ["publicAccessCidrs"] = new JsonArray("203.0.113.0/24"),
            ["logTypes"] = new JsonArray("api", "audit"),
            ["adminPrincipalArns"] = new JsonArray("arn:aws:iam::111122223333:role/platform-admins"),
            ["systemInstanceType"] = "t3.large",
        },
        [Prefix + "devicePlugin"] = new JsonObject
        {
            ["defaultProfile"] = "ts-10",
            ["namespace"] = "nvidia-device-plugin",
            ["chartVersion"] = "0.20.0",
            ["profiles"] = new JsonObject
            {
                ["ts-10"] = new JsonObject { ["strategy"] = "timeSlicing", ["replicas"] = 10 },
                ["ts-10-shared"] = new JsonObject { ["strategy"] = "timeSlicing", ["replicas"] = 10, ["renameByDefault"] = true },
                ["mig-1g"] = new JsonObject { ["strategy"] = "mig", ["migConfig"] = "all-1g.10gb", ["migStrategy"] = "single" },
            },
        },
        [Prefix + "monitoring"] = new JsonObject
        {
            ["dcgmExporter"] = true,
            ["grafanaDashboard"] = true,
            ["grafanaDashboardNamespace"] = "monitoring",
        },
        [Prefix + "karpenter"] = new JsonObject
        {
            ["enabled"] = true,
            ["chartVersion"] = "1.14.1",
            ["namespace"] = "kube-system",
            ["identity"] = "podIdentity",
            ["amiAlias"] = "al2023@v20251020",
        },
        [Prefix + "gpuPools"] = new JsonObject
        {
            ["t4"] = new JsonObject
            {
                ["profile"] = "ts-10-shared",
                ["instanceTypes"] = new JsonArray("g4dn.xlarge"),
                ["capacityType"] = "spot",
                ["labels"] = new JsonObject { ["example.com/team"] = "ml-1" },
                ["provisioner"] = "karpenter",
                ["karpenterMode"] = "overlay-shared",
                ["karpenterInstanceSelection"] = "types",
                ["karpenterConsolidationPolicy"] = "WhenEmpty",
                ["karpenterConsolidateAfter"] = "10m",
                ["karpenterExpireAfter"] = "720h",
                ["karpenterDisruptionBudget"] = "10%",
            },
        },
        [Prefix + "tenancy"] = new JsonObject { ["validationActions"] = new JsonArray("Deny") },
        [Prefix + "tenants"] = new JsonObject
        {
            ["team-a"] = new JsonObject
            {
                ["namespace"] = "team-a-ns",
                ["labels"] = new JsonObject { ["team"] = "a-1" },
                ["annotations"] = new JsonObject { ["owner"] = "a-1" },
                ["pools"] = new JsonArray("t4"),
                ["slices"] = new JsonObject { ["nvidia.com/gpu.shared"] = 4 },
            },
        },
        [Prefix + "prices"] = new JsonObject { ["g4dn.xlarge"] = 0.21 },
        [Prefix + "instanceCatalog"] = new JsonObject
        {
            ["g7e.2xlarge"] = new JsonObject
            {
                ["gpus"] = 1, ["gpuModel"] = "NVIDIA RTX PRO 6000", ["gpuMemoryGiB"] = 96, ["architecture"] = "amd64",
                ["vCpus"] = 8, ["memoryGiB"] = 64, ["maxPods"] = 254,
            },
        },
    };

    private static readonly JsonObject ExistingVpcBaseline = new()
    {
        [Prefix + "network"] = new JsonObject
        {
            ["existingVpcId"] = "vpc-0123456789abcdef0",
            ["existingPrivateSubnetIds"] = new JsonArray("subnet-0123abcd"),
            ["existingPublicSubnetIds"] = new JsonArray("subnet-0456abcd"),
        },
        [Prefix + "devicePlugin"] = new JsonObject { ["profiles"] = new JsonObject { ["ts-4"] = new JsonObject { ["replicas"] = 4 } } },
        [Prefix + "gpuPools"] = new JsonObject { ["a10"] = new JsonObject { ["profile"] = "ts-4", ["instanceTypes"] = new JsonArray("g5.xlarge") } },
    };

    private static readonly JsonObject ExistingClusterBaseline = new()
    {
        [Prefix + "cluster"] = new JsonObject
        {
            ["existing"] = new JsonObject { ["name"] = "platform-prod", ["nodeSubnetIds"] = new JsonArray("subnet-0123abcd") },
        },
        [Prefix + "karpenter"] = new JsonObject
        {
            ["existing"] = true,
            ["existingVersion"] = "1.8.1",
            ["existingNodeRole"] = "KarpenterNodeRole-platform",
        },
        [Prefix + "devicePlugin"] = new JsonObject { ["profiles"] = new JsonObject { ["ts-4"] = new JsonObject { ["replicas"] = 4 } } },
        [Prefix + "gpuPools"] = new JsonObject
        {
            ["burst"] = new JsonObject { ["profile"] = "ts-4", ["provisioner"] = "karpenter", ["karpenterMode"] = "plain" },
        },
    };

    private static readonly JsonObject[] Baselines = [NewVpcBaseline, ExistingVpcBaseline, ExistingClusterBaseline];

    [Fact]
    public void The_baselines_compile_and_set_every_string_key_of_the_config_reference()
    {
        foreach (var baseline in Baselines)
        {
            var result = RunSynth(baseline);
            Assert.True(result.ExitCode == 0, result.Stderr);
        }
        var known = SettingsBinder.KnownKeys();
        var covered = Baselines.SelectMany(Leaves).Select(l => SchemaKey(l.Segments, known)).ToHashSet(StringComparer.Ordinal);
        var stringKeys = ConfigReference.Rows().Where(r => !ConfigReference.NonStringTypes.Contains(r.Type)).Select(r => r.Key).ToList();

        Assert.True(stringKeys.Count > 25, $"only {stringKeys.Count} string keys in the README; is the table parsed?");
        Assert.Equal([], stringKeys.Where(k => !covered.Contains(k)).ToList());
    }

    [Fact]
    public void Every_string_with_a_trailing_newline_or_a_foreign_digit_is_refused_with_its_key()
    {
        var cases = Baselines.SelectMany(b => Leaves(b).Select(l => (Baseline: b, Leaf: l))).ToList();
        var choices = Gen.Select(Gen.Int[0, ForeignZeros.Length - 1], Gen.Int[0, 1 << 16]).Array[cases.Count];
        var directory = Directory.CreateTempSubdirectory("strict-");
        try
        {
            PropertyRunner.ForAll(choices, picks =>
            {
                foreach (var ((baseline, leaf), (script, position)) in cases.Zip(picks))
                {
                    AssertRefused(baseline, leaf, s => s + "\n", directory.FullName);
                    AssertRefused(baseline, leaf, s => ForeignDigit(s, ForeignZeros[script], position), directory.FullName);
                }
            }, picks => string.Join(", ", picks), cases: 2);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("0.20.0", 0, "\u0660.20.0")]
    [InlineData("ab", 1, "a\u06F1b")]
    public void Foreign_digit_replaces_an_ascii_digit_or_inserts_one(string text, int position, string expected) =>
        Assert.Equal(expected, ForeignDigit(text, text.Contains('0', StringComparison.Ordinal) ? '\u0660' : '\u06F0', position));

    private static void AssertRefused(JsonObject baseline, Leaf leaf, Func<string, string> mutate, string directory)
    {
        var (config, keyPath) = Apply(baseline, leaf, mutate);
        var expected = StackInputLimits.Printable(keyPath, 2000);
        File.WriteAllText(Path.Combine(directory, $"Pulumi.{Stack}.yaml"), "config: " + config.ToJsonString());
        var stackFile = StackFileReader.Parse("config: " + config.ToJsonString(), Stack, "strict");
        var runs = new[]
        {
            ("synth", CliRunner.Run("synth", "--stack", Stack, "--project-dir", directory)),
            ("compiler", CliRunner.Run(new Dictionary<string, string> { ["PULUMI_STACK"] = Stack, ["PULUMI_CONFIG"] = PulumiConfigJson.From(stackFile) })),
        };
        foreach (var (mode, result) in runs)
        {
            var context = $"{mode}, {expected} mutated: stderr was\n{result.Stderr}";
            Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}. {context}");
            Assert.True(result.Stdout.Length == 0, $"stdout not empty. {context}");
            Assert.True(result.Stderr.Split('\n').Any(line => NamesKey(line.TrimStart(), expected)), $"no problem names the key. {context}");
        }
    }

    // The problem is at the key itself or below it (a pool's name problem is at gpuPools.NAME.name).
    private static bool NamesKey(string line, string key) =>
        line.StartsWith(key, StringComparison.Ordinal) && line.Length > key.Length && line[key.Length] is ':' or '.' or '[';

    private static CliRunner.Result RunSynth(JsonObject config)
    {
        var directory = Directory.CreateTempSubdirectory("strict-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, $"Pulumi.{Stack}.yaml"), "config: " + config.ToJsonString());
            return CliRunner.Run("synth", "--stack", Stack, "--project-dir", directory.FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Replaces one ASCII digit with the same digit of another script, or inserts one where there is none.</summary>
    private static string ForeignDigit(string text, char zero, int position)
    {
        var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i])).ToList();
        if (digits.Count > 0)
        {
            var at = digits[position % digits.Count];
            return text[..at] + (char)(zero + (text[at] - '0')) + text[(at + 1)..];
        }
        return text.Insert(position % (text.Length + 1), ((char)(zero + (position % 10))).ToString());
    }

    /// <summary>
    /// A string in the config: a value (Segments ends at its member or list index) or a map key
    /// (<see cref="Leaf.IsKey"/>; Segments ends at the key). Top-level keys (the namespace) are not leaves.
    /// </summary>
    private sealed record Leaf(IReadOnlyList<object> Segments, bool IsKey);

    private static IEnumerable<Leaf> Leaves(JsonObject config) => Leaves(config, [], SettingsBinder.KnownKeys());

    private static IEnumerable<Leaf> Leaves(JsonNode? node, IReadOnlyList<object> path, IReadOnlyList<string> known)
    {
        switch (node)
        {
            case JsonObject obj:
                // The keys of the root and of sections (network, a pool…) are the binder's; the keys of
                // named entries (pools, profiles) and free-form maps (tags, labels, prices) are the user's.
                var userKeys = path.Count > 0 && !HasSchemaChildren(SchemaKey(path, known), known);
                foreach (var (key, value) in obj)
                {
                    if (userKeys)
                    {
                        yield return new Leaf([.. path, key], IsKey: true);
                    }
                    foreach (var leaf in Leaves(value, [.. path, key], known))
                    {
                        yield return leaf;
                    }
                }
                break;
            case JsonArray array:
                foreach (var (item, index) in array.Select((n, i) => (n, i)))
                {
                    foreach (var leaf in Leaves(item, [.. path, index], known))
                    {
                        yield return leaf;
                    }
                }
                break;
            case JsonValue value when value.TryGetValue<string>(out _):
                yield return new Leaf(path, IsKey: false);
                break;
            default:
                break;
        }
    }

    private static bool HasSchemaChildren(string schemaKey, IReadOnlyList<string> known) =>
        known.Any(k => k.StartsWith(schemaKey + ".", StringComparison.Ordinal) && !k.StartsWith(schemaKey + ".<name>", StringComparison.Ordinal));

    /// <summary>The mutated config and the key path its problem must name.</summary>
    private static (JsonObject Config, string KeyPath) Apply(JsonObject baseline, Leaf leaf, Func<string, string> mutate)
    {
        var config = (JsonObject)baseline.DeepClone();
        JsonNode parent = config;
        foreach (var segment in leaf.Segments.Take(leaf.Segments.Count - 1))
        {
            parent = segment is int index ? parent[index]! : parent[(string)segment]!;
        }
        var last = leaf.Segments[^1];
        var segments = leaf.Segments.ToList();
        if (leaf.IsKey)
        {
            var map = (JsonObject)parent;
            var renamed = mutate((string)last);
            var entries = map.Select(m => (Key: m.Key == (string)last ? renamed : m.Key, Value: m.Value?.DeepClone())).ToList();
            map.Clear();
            foreach (var (key, value) in entries)
            {
                map[key] = value;
            }
            segments[^1] = renamed;
        }
        else if (last is int index)
        {
            parent[index] = mutate(parent[index]!.GetValue<string>());
        }
        else
        {
            parent[(string)last] = mutate(parent[(string)last]!.GetValue<string>());
        }
        // A list item's problem is reported at the list's key.
        var named = segments.TakeWhile(s => s is string).Cast<string>().ToList();
        return (config, string.Join('.', named));
    }

    /// <summary>The config reference key of a leaf: named entries become <c>&lt;name&gt;</c>; free-form maps and lists stop at their key.</summary>
    private static string SchemaKey(IReadOnlyList<object> segments, IReadOnlyList<string> known)
    {
        var names = segments.TakeWhile(s => s is string).Cast<string>().ToList();
        var schema = names[0][Prefix.Length..];
        foreach (var name in names.Skip(1))
        {
            if (known.Any(k => k == $"{schema}.{name}" || k.StartsWith($"{schema}.{name}.", StringComparison.Ordinal)))
            {
                schema = $"{schema}.{name}";
            }
            else if (known.Any(k => k.StartsWith($"{schema}.<name>.", StringComparison.Ordinal)))
            {
                schema = $"{schema}.<name>";
            }
            else
            {
                break;
            }
        }
        return schema;
    }
}
