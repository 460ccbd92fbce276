using System.Text.Json.Nodes;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Review.Cost;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>
/// Binds raw stack config to <see cref="StackSettings"/>. Config keys mirror the component args
/// members in camelCase, so the components' own validation problems map back to key paths.
/// Every problem is collected; nothing is bound when there is any.
/// </summary>
public static class SettingsBinder
{
    private const string Prefix = StackConfig.ProjectNamespace + ":";

    /// <summary>Binds and validates.</summary>
    /// <exception cref="ConfigException">With every problem, each naming its key path.</exception>
    public static StackSettings Bind(StackConfig config) => Bind(config, requested: null);

    /// <summary>
    /// Every config key the binder reads, as <c>section.key</c> paths without the namespace; named
    /// entries (pools, profiles) appear as <c>&lt;name&gt;</c>. The README's config reference is
    /// checked against this list, so the two cannot drift apart.
    /// </summary>
    public static IReadOnlyList<string> KnownKeys() => KnownKeyList.Value;

    /// <summary>
    /// The top-level keys of the project namespace (<c>cluster</c>, <c>gpuPools</c>…), in ordinal order: the first
    /// segments of <see cref="KnownKeys"/>. Pulumi YAML makes each one a program name, so the program model keeps
    /// resources and variables off them (see <see cref="Components.Program.StackConfigNames"/>).
    /// </summary>
    public static IReadOnlyList<string> TopLevelKeys() => TopLevelKeyList;

    private static readonly Lazy<IReadOnlyList<string>> KnownKeyList = new(ProbeKnownKeys);

    // Listed, not derived from the probe: every compile needs them, and the probe binds a whole config (a fifteenth of
    // a native compile of dev). A test checks this list against the probe's.
    private static readonly string[] TopLevelKeyList =
    [
        SettingsKeys.Cluster, SettingsKeys.DevicePlugin, SettingsKeys.Environment, SettingsKeys.GpuPools, SettingsKeys.InstanceCatalog,
        SettingsKeys.Karpenter, SettingsKeys.Monitoring, SettingsKeys.Network, SettingsKeys.Prices, SettingsKeys.Protect, SettingsKeys.Tags, SettingsKeys.Tenancy, SettingsKeys.Tenants,
    ];

    private static IReadOnlyList<string> ProbeKnownKeys()
    {
        const string Probe = "probe-entry";
        var requested = new SortedSet<string>(StringComparer.Ordinal);
        var config = new StackConfig("probe", new Dictionary<string, JsonNode?>
        {
            [Prefix + SettingsKeys.Network] = new JsonObject(),
            // With cluster.existing present, so that its keys are asked for too.
            [Prefix + SettingsKeys.Cluster] = new JsonObject { [ClusterBinder.Existing] = new JsonObject() },
            [Prefix + SettingsKeys.Karpenter] = new JsonObject(),
            [Prefix + SettingsKeys.Monitoring] = new JsonObject(),
            [Prefix + SettingsKeys.DevicePlugin] = new JsonObject { ["profiles"] = new JsonObject { [Probe] = new JsonObject() } },
            [Prefix + SettingsKeys.GpuPools] = new JsonObject { [Probe] = new JsonObject() },
            [Prefix + SettingsKeys.InstanceCatalog] = new JsonObject { [Probe] = new JsonObject() },
            [Prefix + SettingsKeys.Tenants] = new JsonObject { [Probe] = new JsonObject() },
            [Prefix + SettingsKeys.Tenancy] = new JsonObject(),
        }, "schema probe");
        try
        {
            Bind(config, requested);
        }
        catch (ConfigException)
        {
            // The empty probe entries are invalid on purpose; only the keys asked for matter here.
        }
        return [.. requested
            .Select(k => k[Prefix.Length..].Replace(Probe, "<name>", StringComparison.Ordinal))
            .Where(k => !requested.Any(other => other.StartsWith(Prefix + k.Replace("<name>", Probe, StringComparison.Ordinal) + ".", StringComparison.Ordinal)))
            .Where(k => !k.EndsWith(".<name>", StringComparison.Ordinal) && k != "<name>")
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    private static StackSettings Bind(StackConfig config, ISet<string>? requested)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<ConfigProblem>(config.Problems);
        var projectValues = new JsonObject();
        foreach (var (key, value) in config.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (ConfigKeys.IsOurs(key))
            {
                projectValues[key[Prefix.Length..]] = value?.DeepClone();
                SecretProblems(value, key, problems);
            }
            else if (!key.Contains(':', StringComparison.Ordinal))
            {
                problems.Add(ConfigKeys.Unnamespaced(key));
            }
            else if (NamespaceSpelling.Check(key) is { } misspelt)
            {
                problems.Add(misspelt);
            }
        }
        var root = SettingsObject.Root(projectValues, Prefix, problems, requested);
        var environment = root.Text(SettingsKeys.Environment, config.StackName);
        var protect = root.Bool(SettingsKeys.Protect, environment == "prod");
        var tags = root.StringMap(SettingsKeys.Tags);
        var networkSection = root.Map(SettingsKeys.Network);
        var network = NetworkBinder.Bind(networkSection, protect);
        var clusterSection = root.Map(SettingsKeys.Cluster);
        var (cluster, existingCluster) = ClusterBinder.Bind(clusterSection, config.StackName, protect);
        if (existingCluster is not null)
        {
            ClusterBinder.RefuseNetwork(networkSection, clusterSection!.PathOf(ClusterBinder.Existing));
            network = new() { Protect = protect };
        }
        var devicePlugin = DevicePluginBinder.Bind(root.Map(SettingsKeys.DevicePlugin));
        var karpenter = KarpenterBinder.Bind(root.Map(SettingsKeys.Karpenter), environment);
        var dcgmExporter = MonitoringBinder.Bind(root.Map(SettingsKeys.Monitoring));
        var catalog = InstanceCatalogBinder.Bind(root.Map(SettingsKeys.InstanceCatalog));
        var pools = root.Entries(SettingsKeys.GpuPools).Select(e => GpuPoolBinder.Bind(e.Name, e.Value, protect, catalog)).ToList();
        var tenants = root.Entries(SettingsKeys.Tenants).Select(e => TenantsBinder.Bind(e.Name, e.Value)).ToList();
        var tenancy = TenantsBinder.BindTenancy(root.Map(SettingsKeys.Tenancy));
        var prices = BindPrices(root.Map(SettingsKeys.Prices), cluster.SystemInstanceType, catalog);
        root.Finish();

        var platform = new GpuSlicingPlatformOptions
        {
            Environment = environment,
            Network = network,
            Cluster = cluster,
            ExistingCluster = existingCluster,
            DevicePlugin = devicePlugin,
            Karpenter = karpenter,
            DcgmExporter = dcgmExporter,
            GpuPools = pools,
            Tenants = tenants,
            Tenancy = tenancy,
            Tags = tags,
        };
        // A key the binder already refused holds a stand-in value; validating that value would add a
        // second, misleading finding for the same key (replicas: 1025 → "0 is below 2"), so it is skipped.
        // Likewise a type whose instanceCatalog entry was refused is left out of the catalog: the pool's "not in the
        // instance catalog" would point the user at the entry they already wrote.
        var refused = problems.Select(p => p.KeyPath).ToHashSet(StringComparer.Ordinal);
        var catalogPrefix = $"{Prefix}{SettingsKeys.InstanceCatalog}.";
        var refusedTypes = problems.Where(p => p.KeyPath.StartsWith(catalogPrefix, StringComparison.Ordinal))
            // An instance type name is family.size, so its key path is instanceCatalog.family.size[.fact].
            .Select(p => string.Join('.', p.KeyPath[catalogPrefix.Length..].Split('.').Take(2)) is var name && catalog.Find(name) is null ? name : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        problems.AddRange(platform.Validate()
            .Select(p => new ConfigProblem(ToKeyPath(p.Field), p.Message))
            .Where(p => !refused.Contains(p.KeyPath))
            .Where(p => !refusedTypes.Any(t => p.Message.StartsWith($"'{t}' is not in the instance catalog", StringComparison.Ordinal))));
        if (problems.Count > 0)
        {
            throw new ConfigException([.. problems.DistinctBy(p => p.ToString())]);
        }
        var region = config.Values.TryGetValue("aws:region", out var r) && r is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return new StackSettings(config.StackName, platform, prices, region) { InstanceCatalog = catalog };
    }

    // Every secret of this project, wherever it sits, is refused by path (values reach here masked, never in plain text).
    private static void SecretProblems(JsonNode? node, string path, List<ConfigProblem> problems)
    {
        if (SecretValue.IsSecret(node))
        {
            problems.Add(new ConfigProblem(path, SecretValue.Message));
            return;
        }
        switch (node)
        {
            case JsonObject map:
                foreach (var (key, child) in map)
                {
                    SecretProblems(child, $"{path}.{key}", problems);
                }
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    SecretProblems(list[i], $"{path}[{i}]", problems);
                }
                break;
        }
    }

    private static SortedDictionary<string, decimal> BindPrices(SettingsObject? prices, string systemInstanceType, GpuInstanceCatalog catalog)
    {
        var result = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        if (prices is null)
        {
            return result;
        }
        foreach (var type in prices.Keys.ToList())
        {
            // GPU types and the system node type are priced; anything else is a typo that would be ignored.
            if (catalog.Find(type) is null && SystemInstancePrices.Find(type) is null && type != systemInstanceType)
            {
                prices.Problem(type, "is not a known GPU instance type or the system node group's instance type.");
            }
            if (prices.Amount(type) is { } price)
            {
                result[type] = price;
            }
        }
        return result;
    }

    /// <summary>
    /// Maps an args field path (<c>GpuPools[t4].DesiredSize</c>) to its config key path
    /// (<c>gpu-slicing-infra:gpuPools.t4.desiredSize</c>).
    /// </summary>
    public static string ToKeyPath(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        // Bracketed names (pool and profile names) may hold any character, '.' and ']' included:
        // a bracket closes at the first ']' followed by '.', '[' or the end.
        var segments = new List<string>();
        var position = 0;
        while (position < field.Length)
        {
            var open = field.IndexOf('[', position);
            var dot = field.IndexOf('.', position);
            if (open >= 0 && (dot < 0 || open < dot))
            {
                if (open > position)
                {
                    segments.Add(CamelCase(field[position..open]));
                }
                var close = open + 1;
                while (close < field.Length && !(field[close] == ']' && (close + 1 == field.Length || field[close + 1] is '.' or '[')))
                {
                    close++;
                }
                segments.Add(field[(open + 1)..Math.Min(close, field.Length)]);
                position = close + 1;
                if (position < field.Length && field[position] == '.')
                {
                    position++;
                }
                continue;
            }
            var end = dot < 0 ? field.Length : dot;
            segments.Add(CamelCase(field[position..end]));
            position = end + 1;
        }
        return Prefix + string.Join('.', FlattenExistingCluster(FlattenMonitoring(FlattenPoolSubOptions(segments))));
    }

    // An existing cluster's options live under cluster.existing (ClusterBinder).
    private static List<string> FlattenExistingCluster(List<string> segments) => segments switch
    {
        ["existingCluster", .. var rest] => [SettingsKeys.Cluster, ClusterBinder.Existing, .. rest],
        var other => other,
    };

    // The DCGM exporter's options live under monitoring: Enabled is monitoring.dcgmExporter (MonitoringBinder).
    private static List<string> FlattenMonitoring(List<string> segments) => segments switch
    {
        ["dcgmExporter", "enabled", .. var rest] => [SettingsKeys.Monitoring, "dcgmExporter", .. rest],
        ["dcgmExporter", .. var rest] => [SettingsKeys.Monitoring, .. rest],
        var other => other,
    };

    // A pool's stack file keys are flat (GpuPoolBinder): its sub-options' members read as the pool's own
    // keys (managedNodeGroup.maxSize → maxSize, karpenter.mode → karpenterMode), and a sub-option itself as
    // the provisioner key that decides whether it exists.
    private static List<string> FlattenPoolSubOptions(List<string> segments)
    {
        if (segments is not [SettingsKeys.GpuPools, var pool, var subOption, .. var rest]
            || subOption is not ("managedNodeGroup" or "karpenter"))
        {
            return segments;
        }
        var key = rest switch
        {
            [] => "provisioner",
            [var member, ..] when subOption == "karpenter" => "karpenter" + char.ToUpperInvariant(member[0]) + member[1..],
            [var member, ..] => member,
        };
        return [SettingsKeys.GpuPools, pool, key, .. rest.Skip(1)];
    }

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
