using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Validation;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// One GPU pool: what its nodes are (instance types, capacity type, disk, labels, the sharing profile
/// they select) and, by which of <see cref="ManagedNodeGroup"/> and <see cref="Karpenter"/> is present,
/// what provides them.
/// </summary>
public sealed record GpuPoolOptions
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

    /// <summary>
    /// A managed node group provides nodes, at these sizes. Default: none; at least one of this and
    /// <see cref="Karpenter"/> is required (both: the node group keeps a baseline, Karpenter adds bursts).
    /// </summary>
    public ManagedNodeGroupOptions? ManagedNodeGroup { get; init; }

    /// <summary>A Karpenter NodePool provides nodes, with these settings. Default: none (see <see cref="ManagedNodeGroup"/>).</summary>
    public KarpenterPoolOptions? Karpenter { get; init; }

    /// <summary>Whether a managed node group provides nodes.</summary>
    public bool UsesManagedNodeGroup => ManagedNodeGroup is not null;

    /// <summary>Whether a Karpenter NodePool provides nodes.</summary>
    public bool UsesKarpenter => Karpenter is not null;

    /// <summary>The Karpenter node limit in effect (see <see cref="KarpenterPoolOptions.MaxNodes"/>).</summary>
    public int EffectiveKarpenterMaxNodes => Karpenter?.MaxNodes ?? ManagedNodeGroup?.MaxSize ?? KarpenterPoolOptions.DefaultMaxNodes;

    /// <summary>Every problem with these options, each naming the field.</summary>
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
        if (DiskSizeGiB is < 50 or > 16384)
        {
            problems.Add(new(nameof(DiskSizeGiB), $"{DiskSizeGiB} must be between 50 and 16384 GiB (GPU images need room)."));
        }
        if (ManagedNodeGroup is null && Karpenter is null)
        {
            problems.Add(new(nameof(ManagedNodeGroup), $"pool '{Name}' needs {nameof(ManagedNodeGroup)}, {nameof(Karpenter)} or both to say what provides its nodes."));
        }
        if (ManagedNodeGroup is not null)
        {
            problems.AddRange(ManagedNodeGroup.Validate().Select(p => p.Under(nameof(ManagedNodeGroup))));
        }
        if (Karpenter is not null)
        {
            problems.AddRange(Karpenter.Validate(EffectiveKarpenterMaxNodes).Select(p => p.Under(nameof(Karpenter))));
            problems.AddRange(KarpenterLabelAndTagProblems());
        }
        return problems;
    }

    // A Karpenter pool's tags and labels are copied onto its EC2NodeClass and NodePool template.
    private IEnumerable<ArgsProblem> KarpenterLabelAndTagProblems()
    {
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
}
