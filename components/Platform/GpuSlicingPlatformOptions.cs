using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Monitoring;
using GpuSlicingInfra.Components.Tenancy;
using GpuSlicingInfra.Components.Validation;

namespace GpuSlicingInfra.Components.Platform;

/// <summary>
/// Options of <see cref="GpuSlicingPlatform"/>: everything a user chooses for the whole stack. The platform
/// wires the components together and merges its tags into theirs; it never replaces a value set here.
/// </summary>
public sealed record GpuSlicingPlatformOptions
{
    /// <summary>Environment name, tagged on every resource (e.g. <c>dev</c>, <c>prod</c>).</summary>
    public required string Environment { get; init; }

    /// <summary>The network. Default: a new VPC with defaults.</summary>
    public NetworkOptions Network { get; init; } = new();

    /// <summary>The cluster (required: its name is the user's).</summary>
    public required ClusterOptions Cluster { get; init; }

    /// <summary>
    /// Join this existing EKS cluster instead of creating a network and a cluster: only GPU node groups, their role, the
    /// device plugin and the Karpenter pools are added. Exclusive with every creating member of <see cref="Network"/> and
    /// <see cref="Cluster"/> (left at their defaults; <see cref="ClusterOptions.Name"/> equal to this one's name).
    /// Default: none (a new cluster).
    /// </summary>
    public ExistingClusterOptions? ExistingCluster { get; init; }

    /// <summary>The device plugin and its sharing profiles.</summary>
    public required NvidiaDevicePluginOptions DevicePlugin { get; init; }

    /// <summary>Karpenter, for pools whose provisioner includes it. Default: off.</summary>
    public KarpenterOptions Karpenter { get; init; } = new();

    /// <summary>GPU metrics: NVIDIA's DCGM exporter on the GPU nodes. Default: off.</summary>
    public DcgmExporterOptions DcgmExporter { get; init; } = new();

    /// <summary>GPU pools, each provided by a managed node group, a Karpenter NodePool or both. Default: none.</summary>
    public IReadOnlyList<GpuPoolOptions> GpuPools { get; init; } = [];

    /// <summary>Tenants of the GPU pools: namespaces, quotas in slices and admission guard rails. Default: none.</summary>
    public IReadOnlyList<TenantOptions> Tenants { get; init; } = [];

    /// <summary>What applies to every tenant (validation actions, priority classes). Default: Deny, no priority classes.</summary>
    public TenancyOptions Tenancy { get; init; } = new();

    /// <summary>Tags on every resource, besides the environment tag. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Every problem with these options, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = new List<ArgsProblem>();
        if (!Naming.IsDnsLabel(Environment))
        {
            problems.Add(new(nameof(Environment), $"'{Environment}' must be a DNS label, e.g. dev or prod."));
        }
        problems.AddRange(TagProblems());
        problems.AddRange(Network.Validate().Select(p => p.Under(nameof(Network))));
        problems.AddRange(Cluster.Validate().Select(p => p.Under(nameof(Cluster))));
        problems.AddRange(ExistingCluster?.Validate().Select(p => p.Under(nameof(ExistingCluster))) ?? []);
        problems.AddRange(ExistingClusterConflicts.Of(this));
        problems.AddRange(DevicePlugin.Validate().Select(p => p.Under(nameof(DevicePlugin))));
        problems.AddRange(DcgmExporter.Validate().Select(p => p.Under(nameof(DcgmExporter))));
        problems.AddRange(Tenancy.Validate().Select(p => p.Under(nameof(Tenancy))));
        problems.AddRange(TenancyProblems.Of(Tenants, GpuPools, DevicePlugin.Profiles));
        if (Karpenter.Enabled)
        {
            problems.AddRange(Karpenter.Validate().Select(p => p.Under(nameof(Karpenter))));
            problems.AddRange(AmiReleaseProblems());
        }
        var profileNames = DevicePlugin.Profiles.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (pool, index) in GpuPools.Select((p, i) => (p, i)))
        {
            var path = $"{nameof(GpuPools)}[{pool.Name}]";
            problems.AddRange(pool.Validate().Select(p => p.Under(path)));
            if (GpuPools.Take(index).Any(p => p.Name == pool.Name))
            {
                problems.Add(new(path, $"pool '{pool.Name}' is defined more than once."));
            }
            if (!profileNames.Contains(pool.Profile))
            {
                // An unknown nvidia.com/device-plugin.config label makes the plugin's config manager exit.
                problems.Add(new($"{path}.{nameof(GpuPoolOptions.Profile)}", $"'{pool.Profile}' is not a defined sharing profile ({string.Join(", ", profileNames.Order(StringComparer.Ordinal))})."));
            }
            else
            {
                var profile = DevicePlugin.Profiles.First(p => p.Name == pool.Profile);
                problems.AddRange(PoolSharingProblems.Of(pool, profile).Select(p => p.Under(path)));
                if (pool.Karpenter is { Mode: var mode })
                {
                    problems.AddRange(KarpenterModeProblems(mode, profile).Select(p => p.Under($"{path}.{nameof(GpuPoolOptions.Karpenter)}")));
                    if (mode != KarpenterMode.Plain && Karpenter.Enabled && !Karpenter.SupportsNodeOverlay)
                    {
                        problems.Add(ExistingKarpenterPools.NodeOverlayProblem(Karpenter, pool.Name).Under($"{path}.{nameof(GpuPoolOptions.Karpenter)}"));
                    }
                }
                problems.AddRange(GpuNodePods.Problems(this, pool, profile).Select(p => p.Under(path)));
            }
            if (pool.UsesKarpenter && !Karpenter.Enabled)
            {
                problems.Add(new($"{path}.{nameof(GpuPoolOptions.Karpenter)}", $"pool '{pool.Name}' is provisioned by Karpenter, but karpenter.enabled is false."));
            }
        }
        return problems;
    }

    // EKS publishes the AL2023 NVIDIA AMIs of a Kubernetes version from the day the version is released, so a
    // pinned alias dated earlier names an AMI that does not exist for the cluster's version: Karpenter finds no
    // image and the EC2NodeClass never becomes ready.
    private IEnumerable<ArgsProblem> AmiReleaseProblems()
    {
        // An existing cluster's version is known only at deployment.
        if (ExistingCluster is null && KarpenterOptions.PinnedAmiDate(Karpenter.AmiAlias) is { } amiDate
            && KubernetesVersions.Find(Cluster.KubernetesVersion) is { } version
            && amiDate < version.Released)
        {
            yield return new($"{nameof(Karpenter)}.{nameof(KarpenterOptions.AmiAlias)}",
                $"'{Karpenter.AmiAlias}' predates Kubernetes {version.Version} on EKS ({version.Released:yyyy-MM-dd}), so no such AMI exists for cluster.kubernetesVersion {version.Version}; pin an AMI released on or after that day, or use al2023@latest.");
        }
    }

    // The platform merges its tags into every component's; the EC2NodeClass of a Karpenter pool gets
    // the platform's, Karpenter's and the pool's (GpuSlicingPlatform, Karpenter.NodeClass).
    private IEnumerable<ArgsProblem> TagProblems()
    {
        var problems = TagRules.AwsTags(Tags, nameof(Tags), TagRules.StackReservedPrefixes, TagRules.MaxUserTags)
            .Concat(TagRules.SelectiveKeyTags(Tags, nameof(Tags)))
            .Concat(TagRules.Collisions(Network.Tags, $"{nameof(Network)}.{nameof(NetworkOptions.Tags)}", Tags, nameof(Tags)))
            .Concat(TagRules.Collisions(Cluster.Tags, $"{nameof(Cluster)}.{nameof(ClusterOptions.Tags)}", Tags, nameof(Tags)))
            .Concat(TagRules.Collisions(Karpenter.Tags, $"{nameof(Karpenter)}.{nameof(KarpenterOptions.Tags)}", Tags, nameof(Tags)));
        foreach (var pool in GpuPools)
        {
            var field = $"{nameof(GpuPools)}[{pool.Name}].{nameof(GpuPoolOptions.Tags)}";
            problems = problems.Concat(TagRules.Collisions(pool.Tags, field, Tags, nameof(Tags)));
            if (pool.UsesKarpenter)
            {
                problems = problems.Concat(TagRules.Collisions(pool.Tags, field, Karpenter.Tags, $"{nameof(Karpenter)}.{nameof(KarpenterOptions.Tags)}"));
            }
        }
        if (GpuPools.FirstOrDefault(p => p.UsesKarpenter) is { } karpenterPool)
        {
            problems = problems.Concat(TagRules.KarpenterNodeClassTags(Tags, nameof(Tags),
                $"stack-wide tags are copied onto the EC2NodeClass of pool '{karpenterPool.Name}', which Karpenter provisions"));
        }
        return problems;
    }

    // Each mode only works with one kind of profile (gpu-sharing.md, "Karpenter and time-slicing").
    private static IEnumerable<ArgsProblem> KarpenterModeProblems(KarpenterMode mode, SharingProfileOptions profile)
    {
        var renamed = profile.ResourceName != WellKnownKeys.GpuResource;
        var field = nameof(KarpenterPoolOptions.Mode);
        switch (mode)
        {
            // Under mixed the node registers nvidia.com/mig-<profile> resources, which only an overlay can teach Karpenter.
            case KarpenterMode.Plain or KarpenterMode.OverlayShared when profile is { Strategy: SharingStrategy.Mig, MigStrategy: MigStrategy.Mixed }:
                yield return new(field, $"{(mode == KarpenterMode.Plain ? "plain" : "overlay-shared")} cannot provision for {WellKnownKeys.MigResourcePrefix}<profile> resources (profile '{profile.Name}' uses migStrategy mixed): use overlay-override, whose NodeOverlay declares them.");
                break;
            // A MIG profile renames nothing unless it time-slices its devices, so the overlay that fits it declares nvidia.com/gpu.
            case KarpenterMode.OverlayShared when !renamed && profile.Strategy == SharingStrategy.Mig:
                yield return new(field, $"use overlay-override for MIG profile '{profile.Name}': its nodes advertise MIG devices as {WellKnownKeys.GpuResource}, which that overlay declares; overlay-shared needs {WellKnownKeys.SharedGpuResource}, which MIG advertises only with replicas of 2 or more and renameByDefault: true.");
                break;
            case KarpenterMode.OverlayShared when !renamed:
                yield return new(field, $"overlay-shared needs a profile that advertises {WellKnownKeys.SharedGpuResource}: set renameByDefault: true on profile '{profile.Name}' (with a sharing strategy), or use overlay-override.");
                break;
            case KarpenterMode.OverlayOverride when renamed:
                yield return new(field, $"overlay-override would declare nvidia.com/gpu on nodes that advertise {WellKnownKeys.SharedGpuResource} (profile '{profile.Name}' renames it): their NodeClaims would never initialize. Use overlay-shared.");
                break;
            case KarpenterMode.Plain when renamed:
                yield return new(field, $"plain cannot provision for {WellKnownKeys.SharedGpuResource} (profile '{profile.Name}' renames it): no instance type offers it without an overlay, so pods stay pending. Use overlay-shared.");
                break;
            default:
                break;
        }
    }
}
