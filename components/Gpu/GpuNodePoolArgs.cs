using System.Text.RegularExpressions;
using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Eks;
using GpuSlicingInfra.Components.Validation;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>Inputs of <see cref="GpuNodePool"/>: one managed node group of GPU instances sharing one profile.</summary>
public sealed partial record GpuNodePoolArgs
{
    /// <summary>AMI type with the NVIDIA driver and container toolkit (not the device plugin, which Helm installs).</summary>
    public const string NvidiaAmiType = "AL2023_x86_64_NVIDIA";

    /// <summary>Pool name: a DNS label, part of logical names and the pool label.</summary>
    public required string Name { get; init; }

    /// <summary>The sharing profile the pool's nodes select (its ConfigMap key).</summary>
    public required string Profile { get; init; }

    /// <summary>GPU instance types. Default: <c>g4dn.xlarge</c>.</summary>
    public IReadOnlyList<string> InstanceTypes { get; init; } = ["g4dn.xlarge"];

    /// <summary>
    /// Accept instance types the catalog does not know (newer families), checked for format only; their
    /// GPU count is unknown, so the capacity output counts only the pool's known types. Default: off.
    /// </summary>
    public bool AllowUnknownInstanceTypes { get; init; }

    /// <summary>Minimum nodes. Default: 0.</summary>
    public int MinSize { get; init; }

    /// <summary>Desired nodes. Default: 1.</summary>
    public int DesiredSize { get; init; } = 1;

    /// <summary>Maximum nodes (bounded spend). Default: 2.</summary>
    public int MaxSize { get; init; } = 2;

    /// <summary>On-demand or spot. Default: on-demand.</summary>
    public CapacityType CapacityType { get; init; } = CapacityType.OnDemand;

    /// <summary>Root volume size in GiB; GPU images are large. Default: 100.</summary>
    public int DiskSizeGiB { get; init; } = 100;

    /// <summary>Extra node labels. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Protect the node group from deletion. Default: off.</summary>
    public bool Protect { get; init; }

    /// <summary>Tags on every resource. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>What adds the pool's nodes. Default: a managed node group.</summary>
    public NodeProvisioner Provisioner { get; init; } = NodeProvisioner.ManagedNodeGroup;

    /// <summary>How a Karpenter pool handles time-slicing in Karpenter's simulation. Default: overlay-shared (needs a renaming profile).</summary>
    public KarpenterMode KarpenterMode { get; init; } = KarpenterMode.OverlayShared;

    /// <summary>How <see cref="InstanceTypes"/> become NodePool requirements. Default: their families with their GPU counts.</summary>
    public KarpenterInstanceSelection KarpenterInstanceSelection { get; init; } = KarpenterInstanceSelection.Family;

    /// <summary>Most nodes the Karpenter pool may have (NodePool <c>limits.nodes</c>). Default: <see cref="MaxSize"/>.</summary>
    public int? KarpenterMaxNodes { get; init; }

    /// <summary>Most vCPUs the Karpenter pool may have (NodePool <c>limits.cpu</c>). Default: max nodes × the largest allowed instance's vCPUs.</summary>
    public int? KarpenterMaxCpu { get; init; }

    /// <summary>How long a node must be empty or underutilized before consolidation; long for GPUs to damp churn. Default: 10 minutes.</summary>
    public TimeSpan KarpenterConsolidateAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Node lifetime before Karpenter replaces it (fresh AMIs, no drift). Default: 720 hours.</summary>
    public TimeSpan KarpenterExpireAfter { get; init; } = TimeSpan.FromHours(720);

    /// <summary>Most nodes disrupted at once: a count or a percentage. Default: <c>10%</c>.</summary>
    public string KarpenterDisruptionBudget { get; init; } = "10%";

    /// <summary>Whether a managed node group provides nodes.</summary>
    public bool UsesManagedNodeGroup => Provisioner is NodeProvisioner.ManagedNodeGroup or NodeProvisioner.Both;

    /// <summary>Whether a Karpenter NodePool provides nodes.</summary>
    public bool UsesKarpenter => Provisioner is NodeProvisioner.Karpenter or NodeProvisioner.Both;

    /// <summary>The Karpenter node limit in effect.</summary>
    public int EffectiveKarpenterMaxNodes => KarpenterMaxNodes ?? MaxSize;

    /// <summary>The <c>eks:Cluster</c>. Wired by the caller.</summary>
    internal EksCluster? Cluster { get; init; }

    /// <summary>The node role ARN. Wired by the caller.</summary>
    public Input<string>? NodeRoleArn { get; init; }

    /// <summary>Private node subnets. Wired by the caller.</summary>
    public InputList<string>? SubnetIds { get; init; }

    /// <summary>Every problem with these args, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = TagRules.AwsTags(Tags, nameof(Tags), TagRules.ComponentReservedPrefixes, TagRules.MaxPerResource).ToList();
        if (!Naming.IsDnsLabel(Name) || Name.Length > 40)
        {
            problems.Add(new(nameof(Name), $"'{Name}' must be lower-case alphanumerics and '-', at most 40 characters."));
        }
        if (!Naming.IsDnsLabel(Profile))
        {
            problems.Add(new(nameof(Profile), $"'{Profile}' is not a valid profile name."));
        }
        if (InstanceTypes.Count == 0)
        {
            problems.Add(new(nameof(InstanceTypes), "at least one instance type is required."));
        }
        foreach (var type in InstanceTypes.Where(t => GpuInstanceCatalog.Find(t) is null))
        {
            if (!AllowUnknownInstanceTypes)
            {
                problems.Add(new(nameof(InstanceTypes), $"'{type}' is not a known GPU instance type (set allowUnknownInstanceTypes: true for a newer type); known: {string.Join(", ", GpuInstanceCatalog.All.Select(t => t.Name))}."));
            }
            else if (!ConfigRules.IsInstanceTypeName(type))
            {
                problems.Add(new(nameof(InstanceTypes), $"'{type}' is not an EC2 instance type name such as g6.xlarge."));
            }
        }
        foreach (var duplicate in InstanceTypes.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(nameof(InstanceTypes), $"'{duplicate.Key}' is listed more than once."));
        }
        problems.AddRange(ConfigRules.KubernetesLabels(Labels, nameof(Labels),
            [WellKnownKeys.GpuPresentLabel, WellKnownKeys.DevicePluginConfigLabel, WellKnownKeys.PoolLabel]));
        if (MinSize < 0 || MinSize > DesiredSize || DesiredSize > MaxSize)
        {
            problems.Add(new(nameof(DesiredSize), $"sizes must satisfy 0 <= min ({MinSize}) <= desired ({DesiredSize}) <= max ({MaxSize})."));
        }
        if (MaxSize < 1)
        {
            problems.Add(new(nameof(MaxSize), $"{MaxSize} must be at least 1."));
        }
        if (DiskSizeGiB is < 50 or > 16384)
        {
            problems.Add(new(nameof(DiskSizeGiB), $"{DiskSizeGiB} must be between 50 and 16384 GiB (GPU images need room)."));
        }
        if (UsesKarpenter)
        {
            problems.AddRange(ValidateKarpenter());
        }
        return problems;
    }

    private IEnumerable<ArgsProblem> ValidateKarpenter()
    {
        if (EffectiveKarpenterMaxNodes is < 1 or > 1000)
        {
            yield return new(nameof(KarpenterMaxNodes), $"{EffectiveKarpenterMaxNodes} must be between 1 and 1000 (bounded spend, security rule 17).");
        }
        if (KarpenterMaxCpu is < 1)
        {
            yield return new(nameof(KarpenterMaxCpu), $"{KarpenterMaxCpu} must be at least 1.");
        }
        if (KarpenterConsolidateAfter < TimeSpan.Zero)
        {
            yield return new(nameof(KarpenterConsolidateAfter), "must not be negative.");
        }
        if (KarpenterExpireAfter < TimeSpan.FromHours(1))
        {
            yield return new(nameof(KarpenterExpireAfter), $"{GoDuration.Format(KarpenterExpireAfter)} is shorter than an hour; GPU nodes would churn.");
        }
        if (!DisruptionBudgetShape().IsMatch(KarpenterDisruptionBudget))
        {
            yield return new(nameof(KarpenterDisruptionBudget), $"'{KarpenterDisruptionBudget}' must be a node count (e.g. 1) or a percentage (e.g. 10%).");
        }
        foreach (var problem in TagRules.KarpenterNodeClassTags(Tags, nameof(Tags), "a pool's tags are copied onto its EC2NodeClass"))
        {
            yield return problem;
        }
        foreach (var key in Labels.Keys.Where(IsRestrictedKarpenterLabel))
        {
            yield return new(nameof(Labels), $"'{key}' is a label Karpenter reserves; NodePool templates may not set it.");
        }
    }

    // The NodePool CRD refuses template labels in Karpenter's own domains and the hostname label.
    private static bool IsRestrictedKarpenterLabel(string key)
    {
        var domain = key.Contains('/', StringComparison.Ordinal) ? key[..key.IndexOf('/', StringComparison.Ordinal)] : "";
        return key == "kubernetes.io/hostname" || key == "karpenter.sh/nodepool"
            || (domain.EndsWith("karpenter.sh", StringComparison.Ordinal) && key != "karpenter.sh/capacity-type")
            || domain.EndsWith("karpenter.k8s.aws", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\A((100|[0-9]{1,2})%|[0-9]+)\z")]
    private static partial Regex DisruptionBudgetShape();
}
