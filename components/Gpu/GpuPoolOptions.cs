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
    /// <summary>Pool name: a DNS label, part of logical names and the pool label.</summary>
    public required string Name { get; init; }

    /// <summary>The sharing profile the pool's nodes select (its ConfigMap key).</summary>
    public required string Profile { get; init; }

    /// <summary>GPU instance types. Default: <c>g4dn.xlarge</c>.</summary>
    public IReadOnlyList<string> InstanceTypes { get; init; } = ["g4dn.xlarge"];

    /// <summary>
    /// The catalog <see cref="InstanceTypes"/> are looked up in: the built-in one plus the stack's <c>instanceCatalog</c>
    /// (<see cref="GpuInstanceCatalog.With"/>). Default: <see cref="GpuInstanceCatalog.BuiltIn"/>. A type it lacks is an error.
    /// </summary>
    public GpuInstanceCatalog Catalog { get; init; } = GpuInstanceCatalog.BuiltIn;

    /// <summary>The facts of <see cref="InstanceTypes"/> that <see cref="Catalog"/> knows, in list order (all of them once validation passed).</summary>
    public IReadOnlyList<GpuInstanceType> ResolvedInstanceTypes => [.. InstanceTypes.Select(Catalog.Find).OfType<GpuInstanceType>()];

    /// <summary>The CPU architecture of the pool's types (validation refuses a pool that mixes them). Default: amd64.</summary>
    public CpuArchitecture Architecture => ResolvedInstanceTypes.Select(t => t.Architecture).FirstOrDefault();

    /// <summary>The EKS AMI type of the pool's managed node group: the AL2023 NVIDIA AMI of its <see cref="Architecture"/>.</summary>
    public string NvidiaAmiType => Architecture.NvidiaAmiType();

    /// <summary>On-demand or spot. Default: on-demand.</summary>
    public CapacityType CapacityType { get; init; } = CapacityType.OnDemand;

    /// <summary>Root volume size in GiB; GPU images are large. Default: 100.</summary>
    public int DiskSizeGiB { get; init; } = 100;

    /// <summary>Extra node labels. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Protect the node group from deletion. Default: off.</summary>
    public bool Protect { get; init; }

    /// <summary>
    /// The pool serves latency-sensitive work (online inference, interactive use): its nodes carry the
    /// <see cref="WellKnownKeys.LatencySensitiveLabel"/> label, and plan and validate advise MPS or MIG where its
    /// profile time-slices. Default: off.
    /// </summary>
    public bool LatencySensitive { get; init; }

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
        problems.AddRange(InstanceTypeProblems());
        foreach (var duplicate in InstanceTypes.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(nameof(InstanceTypes), $"'{duplicate.Key}' is listed more than once."));
        }
        problems.AddRange(ConfigRules.KubernetesLabels(Labels, nameof(Labels),
            [WellKnownKeys.GpuPresentLabel, WellKnownKeys.DevicePluginConfigLabel, WellKnownKeys.PoolLabel, WellKnownKeys.LatencySensitiveLabel]));
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

    // Every type needs facts (GPUs, architecture, max pods), and the pool's types must share one AMI and one arch requirement.
    private IEnumerable<ArgsProblem> InstanceTypeProblems()
    {
        foreach (var type in InstanceTypes.Where(t => Catalog.Find(t) is null))
        {
            yield return new(nameof(InstanceTypes), ConfigRules.IsInstanceTypeName(type)
                ? $"'{type}' is not in the instance catalog: describe it under instanceCatalog.{type} (gpus, gpuModel, gpuMemoryGiB, architecture, vCpus, memoryGiB, maxPods, supportsMig) or use a known type: {string.Join(", ", Catalog.All.Select(t => t.Name))}."
                : $"'{type}' is not an EC2 instance type name such as g6.xlarge.");
        }
        var resolved = ResolvedInstanceTypes;
        if (resolved.Select(t => t.Architecture).Distinct().Count() > 1)
        {
            yield return new(nameof(InstanceTypes), $"mixes CPU architectures ({string.Join(", ", resolved.Select(t => $"{t.Name} is {t.Architecture.Label()}"))}): a pool has one AMI type and one kubernetes.io/arch requirement, so put arm64 and amd64 types in separate pools.");
        }
        if (UsesKarpenter)
        {
            foreach (var type in resolved.Where(t => !t.KarpenterCanProvision))
            {
                // aws/karpenter-provider-aws#8368: EC2 reports 0 GPUs for these types, so Karpenter never offers them for GPU pods.
                yield return new(nameof(InstanceTypes), $"'{type.Name}' cannot be provisioned by Karpenter: EC2 reports it with 0 GPUs (a fractional or new GPU type, aws/karpenter-provider-aws#8368), so GPU pods would stay Pending; use it with provisioner: managedNodeGroup.");
            }
        }
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
