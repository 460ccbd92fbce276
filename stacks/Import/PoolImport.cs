using System.Globalization;
using System.Text.Json.Nodes;
using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Import;

/// <summary>
/// Maps one v1alpha5 Provisioner to a Karpenter pool, following Karpenter's own migration guide
/// (<see cref="V1Alpha5.MigrationGuide"/>) where a field has a v1 successor.
/// </summary>
internal static class PoolImport
{
    // Label domains Karpenter or Kubernetes own: requirements on them are not node labels a pool may set.
    private static readonly string[] ReservedLabelDomains = ["kubernetes.io/", "k8s.io/", "karpenter.sh/", "karpenter.k8s.aws/", "nvidia.com/"];

    public static ImportedPool Map(ProvisionerManifest provisioner, NodeTemplate? referenced, GpuInstanceCatalog catalog, string profile, List<ConfigProblem> problems)
    {
        string At(string field) => provisioner.Path.Length == 0 ? field : $"{provisioner.Path}.{field}";
        var settings = new List<ImportedSetting>();
        var dropped = new List<DroppedField>(provisioner.Dropped);
        var selection = new InstanceTypeSelection(catalog);
        var labels = new SortedDictionary<string, (string Value, string Source)>(StringComparer.Ordinal);
        string? capacityType = null;
        var capacitySource = "";
        var sawArch = false;
        foreach (var requirement in provisioner.Requirements)
        {
            switch (requirement.Key)
            {
                case WellKnownKeys.CapacityTypeLabel:
                    capacityType = requirement.Operator == "In" && requirement.Values.Contains("spot") ? "spot" : "onDemand";
                    capacitySource = requirement.Path;
                    break;
                case WellKnownKeys.GpuResource:
                    dropped.Add(new(requirement.Path, $"{requirement}: nvidia.com/gpu is the device plugin's resource, not a node label Karpenter knows; "
                        + "v1alpha5 only put it on the nodes as a label. The pool's GPU instance types say what it meant."));
                    break;
                case "topology.kubernetes.io/zone" or "topology.kubernetes.io/region":
                    dropped.Add(new(requirement.Path, $"{requirement}: the pool's nodes go to the stack's private subnets, one per availability zone (network.availabilityZoneCount)."));
                    break;
                case "kubernetes.io/os":
                    if (requirement.Operator != "In" || requirement.Values.Any(v => v != "linux"))
                    {
                        problems.Add(new(requirement.Path, $"{requirement}: the product's GPU nodes run Linux only."));
                    }
                    break;
                case var key when InstanceTypeSelection.Handles(key):
                    sawArch |= key == "kubernetes.io/arch";
                    if (selection.Apply(requirement) is { } problem)
                    {
                        problems.Add(new(requirement.Path, problem));
                    }
                    break;
                case var key when requirement.Operator == "In" && requirement.Values.Count == 1 && !ReservedLabelDomains.Any(d => key.Contains(d, StringComparison.Ordinal)):
                    // v1alpha5 labelled nodes with a single-valued In requirement on a key of the user's own.
                    labels[key] = (requirement.Values[0], requirement.Path);
                    break;
                default:
                    dropped.Add(new(requirement.Path, $"{requirement}: the product's NodePool has no such requirement; Karpenter chooses among the pool's instance types."));
                    break;
            }
        }
        if (!sawArch)
        {
            // v1alpha5's defaulting webhook added kubernetes.io/arch In [amd64] (Provisioner.SetDefaults).
            selection.Apply(new("spec.requirements (v1alpha5 default)", "kubernetes.io/arch", "In", ["amd64"]));
        }
        var provider = provisioner.Provider ?? referenced;
        if (provisioner.Provider?.InstanceType is { } instanceType)
        {
            if (catalog.Find(instanceType) is null)
            {
                problems.Add(new(provisioner.Provider.InstanceTypePath!, $"'{StackInputLimits.Printable(instanceType)}' is not a GPU instance type the catalog knows; describe it under instanceCatalog in the stack, or name a catalog type."));
            }
            selection.Only(instanceType);
        }
        var instanceSource = provisioner.Provider?.InstanceTypePath ?? At("spec.requirements");
        // A spec field already refused (a misspelt requirements, a bad operator) explains an empty selection better.
        var specRefused = problems.Any(p => p.KeyPath.StartsWith(At("spec"), StringComparison.Ordinal));
        if (!specRefused && !selection.Constrained)
        {
            var defaults = string.Join(", ", V1Alpha5.InstanceTypeKeys);
            problems.Add(new(At("spec.requirements"),
                $"selects no GPU instance type: with none of {defaults} v1alpha5 launched only categories c, m and r (Provisioner.SetDefaults). "
                + "Add a node.kubernetes.io/instance-type or karpenter.k8s.aws/instance-family requirement naming GPU types."));
        }
        else if (!specRefused && selection.Selected.Count == 0)
        {
            problems.Add(new(instanceSource, "no GPU instance type of the catalog meets every requirement (kubernetes.io/arch defaults to amd64 when absent, as in v1alpha5)."));
        }

        var types = selection.Selected.Select(t => t.Name).ToList();
        settings.Add(new("instanceTypes", new JsonArray([.. types.Select(t => JsonValue.Create(t))]), instanceSource,
            provisioner.Provider?.InstanceType is not null
                ? "provider.instanceType was never a field of the AWS provider, so Karpenter ignored it"
                    + (provisioner.Requirements.Any(r => V1Alpha5.InstanceTypeKeys.Contains(r.Key)) ? "" : " and launched c, m or r instances, its default without an instance-type requirement")
                    + "; taken as the type you meant"
                : "the catalog's GPU types that meet the requirements"));
        settings.Add(new("profile", JsonValue.Create(profile), "--replicas", "the time-slicing profile this import adds"));
        settings.Add(new("provisioner", JsonValue.Create("karpenter"), provisioner.Path.Length == 0 ? "kind: Provisioner" : provisioner.Path, "Karpenter adds the pool's nodes"));
        settings.Add(new("karpenterMode", JsonValue.Create("overlay-override"), "nvidia.com/gpu requests",
            "pods keep asking for nvidia.com/gpu; a NodeOverlay tells Karpenter each GPU counts as replicas of it"));
        settings.Add(new("karpenterInstanceSelection", JsonValue.Create(selection.IsWholeFamilies ? "family" : "types"), instanceSource,
            selection.IsWholeFamilies ? "whole families were asked for: the NodePool requires the families" : "exactly these types: the NodePool requires node.kubernetes.io/instance-type"));
        if (capacityType is not null)
        {
            settings.Add(new("capacityType", JsonValue.Create(capacityType), capacitySource,
                capacityType == "spot" ? "spot allowed; the pool's NodePool also allows on-demand, which Karpenter uses when spot is short" : "on-demand only"));
        }
        if (provider?.RootVolumeGiB is { } disk)
        {
            settings.Add(new("diskSizeGiB", JsonValue.Create(disk), provider.RootVolumePath!, "the root volume's size"));
        }
        if (provider is not null)
        {
            dropped.AddRange(provider.Dropped);
        }
        foreach (var (key, value) in provisioner.Labels)
        {
            labels[key] = (value, At("spec.labels"));
        }
        if (labels.Count > 0)
        {
            settings.Add(new("labels", new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value.Value)))),
                string.Join(", ", labels.Values.Select(l => l.Source).Distinct()), "node labels"));
        }
        AddLimits(provisioner, At, selection.Selected, settings, dropped);
        AddDisruption(provisioner, At, settings, dropped);
        foreach (var taint in provisioner.Taints)
        {
            if (taint.Key == WellKnownKeys.GpuTaintKey && taint.Effect == "NoSchedule")
            {
                continue;
            }
            dropped.Add(new(taint.Path, $"taint {taint}: the product taints every GPU node {WellKnownKeys.GpuTaintKey}:NoSchedule and takes no other taints; pods that relied on this one to stay off these nodes no longer need to tolerate it."));
        }
        return new(provisioner.Name, provisioner.Path.Length == 0 ? $"Provisioner '{provisioner.Name}'" : $"{provisioner.Path} (Provisioner '{provisioner.Name}')",
            settings, dropped);
    }

    private static void AddLimits(ProvisionerManifest provisioner, Func<string, string> at, IReadOnlyList<GpuInstanceType> types, List<ImportedSetting> settings, List<DroppedField> dropped)
    {
        if (!provisioner.Limits.ContainsKey(WellKnownKeys.GpuResource) && !provisioner.Limits.ContainsKey("cpu"))
        {
            dropped.Add(new(at("spec.limits"), "v1alpha5 launched nodes without bound; the pool stops at karpenterMaxNodes (default 2): raise it if you need more.", Unset: true));
        }
        foreach (var (resource, quantity) in provisioner.Limits)
        {
            var path = at($"spec.limits.resources.{resource}");
            switch (resource)
            {
                case "cpu" when CpuCores(quantity) is { } cores:
                    settings.Add(new("karpenterMaxCpu", JsonValue.Create(cores), path, "the NodePool's cpu limit, in whole cores"));
                    break;
                case WellKnownKeys.GpuResource when long.TryParse(quantity, NumberStyles.None, CultureInfo.InvariantCulture, out var gpus) && types.Count > 0:
                    // A v1 NodePool could limit nvidia.com/gpu too, but a time-sliced node advertises replicas × GPUs of it, so the
                    // product bounds nodes instead: as many as never exceed the GPU count, counting the largest type.
                    var perNode = types.Max(t => t.GpuCount);
                    var nodes = (int)Math.Clamp(gpus / perNode, 1, 1000);
                    settings.Add(new("karpenterMaxNodes", JsonValue.Create(nodes), path,
                        $"{gpus} GPUs at {perNode} per node{(types.Any(t => t.GpuCount != perNode) ? " (the largest type; smaller ones stop sooner)" : "")}"));
                    break;
                default:
                    dropped.Add(new(path, $"{resource}: {quantity}: the product bounds a pool by nodes and cpu (karpenterMaxNodes, karpenterMaxCpu)."));
                    break;
            }
        }
    }

    private static void AddDisruption(ProvisionerManifest provisioner, Func<string, string> at, List<ImportedSetting> settings, List<DroppedField> dropped)
    {
        if (provisioner.ConsolidationEnabled == true)
        {
            settings.Add(new("karpenterConsolidationPolicy", JsonValue.Create("WhenEmptyOrUnderutilized"), provisioner.ConsolidationPath,
                "v1's name for consolidating underutilized and empty nodes"));
            settings.Add(new("karpenterConsolidateAfter", JsonValue.Create("0s"), provisioner.ConsolidationPath,
                "v1alpha5 consolidated at once; the product's default, 10m, is gentler on GPU nodes that take minutes to start"));
        }
        else if (provisioner.TtlSecondsAfterEmpty is { } empty)
        {
            settings.Add(new("karpenterConsolidationPolicy", JsonValue.Create("WhenEmpty"), at("spec.ttlSecondsAfterEmpty"), "only empty nodes are removed"));
            settings.Add(new("karpenterConsolidateAfter", JsonValue.Create(GoDuration.Format(TimeSpan.FromSeconds(empty))), at("spec.ttlSecondsAfterEmpty"), "after being empty this long"));
        }
        else
        {
            settings.Add(new("karpenterConsolidateAfter", JsonValue.Create("Never"), "no consolidation or ttlSecondsAfterEmpty",
                "v1alpha5 removed no node for being empty or underutilized"));
        }
        if (provisioner.TtlSecondsUntilExpired is { } expire)
        {
            settings.Add(new("karpenterExpireAfter", JsonValue.Create(GoDuration.Format(TimeSpan.FromSeconds(expire))), at("spec.ttlSecondsUntilExpired"), "node lifetime"));
        }
        else
        {
            dropped.Add(new(at("spec.ttlSecondsUntilExpired"), "v1alpha5 never expired nodes; the pool's nodes expire after karpenterExpireAfter (default 720h), so they come back on a fresh AMI.", Unset: true));
        }
    }

    // Kubernetes cpu quantities: whole cores or millicores, rounded up to whole cores.
    private static int? CpuCores(string quantity)
    {
        var milli = quantity.EndsWith('m');
        if (!long.TryParse(milli ? quantity[..^1] : quantity, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }
        var cores = milli ? (amount + 999) / 1000 : amount;
        return cores is >= 1 and <= 1_000_000 ? (int)cores : null;
    }
}
