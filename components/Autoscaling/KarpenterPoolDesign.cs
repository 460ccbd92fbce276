using System.Globalization;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Providers.Karpenter;
using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>
/// What one GPU pool looks like as a Karpenter NodePool: requirements, taints, labels, limits and
/// the NodeOverlays of its mode. Pure functions of the pool and its sharing profile, decided at
/// compile time (see the README's Karpenter section for why each mode looks the way it does).
/// </summary>
public static class KarpenterPoolDesign
{
    /// <summary>
    /// The instance types Karpenter may choose for the pool, ordered by name: the listed ones, or under family selection
    /// the types of the pool's catalog (the stack's extension included) in their families with their GPU counts, less
    /// those Karpenter cannot provision (<see cref="GpuInstanceType.KarpenterCanProvision"/>).
    /// </summary>
    public static IReadOnlyList<GpuInstanceType> AllowedInstanceTypes(GpuPoolOptions pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var listed = pool.ResolvedInstanceTypes;
        if (Settings(pool).InstanceSelection == KarpenterInstanceSelection.Types)
        {
            return [.. listed.DistinctBy(t => t.Name).OrderBy(t => t.Name, StringComparer.Ordinal)];
        }
        var families = listed.Select(t => t.Family).ToHashSet(StringComparer.Ordinal);
        var counts = listed.Select(t => t.GpuCount).ToHashSet();
        return [.. pool.Catalog.All.Where(t => families.Contains(t.Family) && counts.Contains(t.GpuCount) && t.KarpenterCanProvision)];
    }

    /// <summary>Distinct physical GPU counts of the allowed instance types, ascending.</summary>
    public static IReadOnlyList<int> GpuCounts(GpuPoolOptions pool) =>
        [.. AllowedInstanceTypes(pool).Select(t => t.GpuCount).Distinct().Order()];

    /// <summary>The NodePool requirements: instances, architecture and capacity type.</summary>
    internal static IReadOnlyList<NodeSelectorRequirement> Requirements(GpuPoolOptions pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var allowed = AllowedInstanceTypes(pool);
        var requirements = new List<NodeSelectorRequirement>();
        if (Settings(pool).InstanceSelection == KarpenterInstanceSelection.Types)
        {
            requirements.Add(new(WellKnownKeys.InstanceTypeLabel, "In", [.. allowed.Select(t => t.Name)]));
        }
        else
        {
            requirements.Add(new(WellKnownKeys.InstanceFamilyLabel, "In", [.. allowed.Select(t => t.Family).Distinct().Order(StringComparer.Ordinal)]));
            // The family alone would also allow its multi-GPU sizes (g4dn.12xlarge, metal).
            requirements.Add(new(WellKnownKeys.InstanceGpuCountLabel, "In", [.. GpuCounts(pool).Select(Text)]));
        }
        // Validation keeps a pool on one architecture; Karpenter's al2023 alias then resolves the NVIDIA AMI of that
        // architecture (x86_64 and arm64 NVIDIA variants, AL2023.DescribeImageQuery in pkg/providers/amifamily/al2023.go).
        requirements.Add(new("kubernetes.io/arch", "In", [pool.Architecture.Label()]));
        requirements.Add(new("kubernetes.io/os", "In", ["linux"]));
        // "Spot" allows spot and falls back to on-demand when spot capacity is short.
        requirements.Add(new(WellKnownKeys.CapacityTypeLabel, "In", pool.CapacityType == CapacityType.Spot ? ["spot", "on-demand"] : ["on-demand"]));
        return requirements;
    }

    /// <summary>The GPU taint on every pool; overlay-shared pools also carry the shared-GPU taint.</summary>
    internal static IReadOnlyList<Taint> Taints(GpuPoolOptions pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var taints = new List<Taint> { new(WellKnownKeys.GpuTaintKey, "true", "NoSchedule") };
        if (Settings(pool).Mode == KarpenterMode.OverlayShared)
        {
            taints.Add(new(WellKnownKeys.SharedGpuTaintKey, "true", "NoSchedule"));
        }
        return taints;
    }

    /// <summary>Node labels: the same as the pool's managed node group (GPU presence, profile, pool).</summary>
    public static SortedDictionary<string, string> Labels(GpuPoolOptions pool) => GpuNodePool.NodeLabels(pool);

    /// <summary>The extended resource the pool's pods request in its mode.</summary>
    public static string PodResource(GpuPoolOptions pool, SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(profile);
        return Settings(pool).Mode == KarpenterMode.OverlayShared ? WellKnownKeys.SharedGpuResource : profile.ResourceName;
    }

    /// <summary>
    /// NodePool limits. Always <c>nodes</c> and <c>cpu</c>, which count the same before and after a node
    /// initializes. A GPU limit is only added where its unit is stable: plain and override pools get
    /// <c>nvidia.com/gpu</c> at max nodes × what the largest type advertises (GPUs × replicas, or × MIG
    /// devices × replicas; the advertised unit after initialization, so <c>nodes</c> binds first), MIG mixed
    /// pools one limit per <c>nvidia.com/mig-&lt;profile&gt;</c>; renaming pools get <c>nvidia.com/gpu.shared</c>,
    /// as <c>nvidia.com/gpu</c> stops counting once their nodes initialize.
    /// </summary>
    public static SortedDictionary<string, string> Limits(GpuPoolOptions pool, SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(profile);
        var allowed = AllowedInstanceTypes(pool);
        var nodes = pool.EffectiveKarpenterMaxNodes;
        var cpu = Settings(pool).MaxCpu ?? nodes * (allowed.Count == 0 ? 0 : allowed.Max(t => t.VCpus));
        var limits = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["cpu"] = Text(cpu),
            ["nodes"] = Text(nodes),
        };
        if (allowed.Count == 0)
        {
            limits[PodResource(pool, profile)] = Text(0);
        }
        foreach (var resource in allowed.SelectMany(t => NodeResources(pool, profile, t).Keys).Distinct())
        {
            limits[resource] = Text(nodes * allowed.Max(t => NodeResources(pool, profile, t).GetValueOrDefault(resource)));
        }
        return limits;
    }

    /// <summary>
    /// One NodeOverlay per physical GPU count: the count and the capacity it declares, what a node of the
    /// pool's types with that many GPUs registers once the plugin runs (and MIG partitioned it).
    /// </summary>
    public static IReadOnlyList<(int GpuCount, IReadOnlyDictionary<string, string> Capacity)> Overlays(GpuPoolOptions pool, SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(profile);
        if (Settings(pool).Mode == KarpenterMode.Plain)
        {
            return [];
        }
        var allowed = AllowedInstanceTypes(pool);
        return [.. GpuCounts(pool).Select(count =>
        {
            // A MIG pool has one GPU model (validation), and other strategies do not depend on it: any type with this count speaks for all.
            var capacity = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (resource, units) in NodeResources(pool, profile, allowed.First(t => t.GpuCount == count)))
            {
                capacity[resource] = Text(units);
            }
            // Overlay capacity replaces the instance type's (karpenter.md). Where the node never registers whole
            // nvidia.com/gpu (renamed under overlay-shared; MIG devices under mixed), the overlay sets it to 0: a pod
            // asking for a whole GPU (with a catch-all toleration) must not make Karpenter launch a node that then
            // never initializes (bottlerocket-os/bottlerocket#4250), nor count the instance's GPUs.
            if (Settings(pool).Mode == KarpenterMode.OverlayShared || profile is { Strategy: SharingStrategy.Mig, MigStrategy: MigStrategy.Mixed })
            {
                capacity[WellKnownKeys.GpuResource] = Text(0);
            }
            return (count, (IReadOnlyDictionary<string, string>)capacity);
        })];
    }

    /// <summary>What one node of <paramref name="type"/> advertises in the pool's mode: resource → units.</summary>
    public static IReadOnlyDictionary<string, int> NodeResources(GpuPoolOptions pool, SharingProfileOptions profile, GpuInstanceType type)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(type);
        var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (resource, perGpu) in profile.ResourcesPerGpu(type))
        {
            // overlay-shared counts the single resource under its shared name.
            var name = resource == profile.ResourceName ? PodResource(pool, profile) : resource;
            result[name] = result.GetValueOrDefault(name) + perGpu * type.GpuCount;
        }
        return result;
    }

    /// <summary>The requirements that scope an overlay to one pool's instance types with <paramref name="gpuCount"/> GPUs.</summary>
    internal static IReadOnlyList<NodeSelectorRequirement> OverlayRequirements(string poolName, int gpuCount) =>
    [
        new(WellKnownKeys.NodePoolLabel, "In", [poolName]),
        new(WellKnownKeys.InstanceGpuCountLabel, "In", [Text(gpuCount)]),
    ];

    // Every function here describes a pool Karpenter provisions; one without settings is a caller's mistake.
    private static KarpenterPoolOptions Settings(GpuPoolOptions pool) =>
        pool.Karpenter ?? throw new ArgumentException($"Pool '{pool.Name}' has no Karpenter settings.", nameof(pool));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
