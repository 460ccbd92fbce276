using System.Text.Json.Nodes;
using GpuSlicingInfra.Components;
using GpuSlicingInfra.Review.Cost;
using GpuSlicingInfra.Review.Plan;

namespace GpuSlicingInfra.Review.Policy;

/// <summary>What policy rules read, with the lookups several rules share.</summary>
/// <param name="Program">The program under review.</param>
/// <param name="Context">What the program cannot tell (environment, config keys); <see cref="ReviewContext.None"/> for a bare program.</param>
public sealed record PolicyContext(ProgramSnapshot Program, ReviewContext Context)
{
    /// <summary>Whether this is a production stack (only when the context says so).</summary>
    public bool IsProd => Context.IsProd;

    /// <summary>The GPU pools as <c>plan</c> sees them (catalog prices, with the stack's overrides).</summary>
    internal List<PoolPlan> PlannedPools() =>
        PlanBuilder.Pools(Program, Context.InstanceCatalog, new CatalogPriceSource(Context.PriceOverrides, Context.InstanceCatalog));

    /// <summary>The config key of <paramref name="setting"/> (see <see cref="ReviewContext.ConfigKeyOf"/>), else the resource's name, else empty.</summary>
    public string KeyPath(string setting, string? resource = null) => Context.KeyPath(setting, resource) ?? "";

    /// <summary>
    /// The private subnets an existing VPC gives the cluster: every literal <c>privateSubnetIds</c> of an
    /// <c>eks:Cluster</c> (a new VPC's are an output reference instead), and those the context declares (<see cref="ReviewContext.DeclaredPrivateSubnetIds"/>).
    /// </summary>
    public IReadOnlySet<string> DeclaredPrivateSubnetIds => Program.OfType("eks:Cluster")
        .SelectMany(c => c.Node("privateSubnetIds") as JsonArray ?? [])
        .OfType<JsonValue>().Select(v => v.GetValue<string>())
        .Concat(Context.DeclaredPrivateSubnetIds)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Managed node groups, of a created cluster or an existing one.</summary>
    public IEnumerable<ProgramResource> NodeGroups => Program.Resources.Where(ProgramPool.IsNodeGroup);

    /// <summary>GPU node groups: those with the NVIDIA AMI or the <c>nvidia.com/gpu.present</c> label.</summary>
    public IEnumerable<ProgramResource> GpuNodeGroups => NodeGroups.Where(ProgramPool.IsGpuNodeGroup);

    /// <summary>The config key path for a node group: its pool section, or the cluster section for the system group.</summary>
    public string KeyPathOf(ProgramResource nodeGroup)
    {
        ArgumentNullException.ThrowIfNull(nodeGroup);
        return KeyPath(nodeGroup.Text("labels", WellKnownKeys.PoolLabel) is { } pool ? $"GpuPools[{pool}]" : "Cluster", nodeGroup.Name);
    }

    /// <summary>The Karpenter NodePools (<c>karpenter.sh</c> <c>NodePool</c> custom resources).</summary>
    public IEnumerable<ProgramResource> NodePools => CustomResources("NodePool");

    /// <summary>The Karpenter EC2NodeClasses.</summary>
    public IEnumerable<ProgramResource> NodeClasses => CustomResources("EC2NodeClass");

    /// <summary>The Karpenter NodeOverlays.</summary>
    public IEnumerable<ProgramResource> NodeOverlays => CustomResources("NodeOverlay");

    /// <summary>
    /// The config key path of a Karpenter resource: its pool section, found by the pool label of a NodePool
    /// template, the pool tag of an EC2NodeClass, or else its Kubernetes name (which is the pool name).
    /// </summary>
    /// <param name="resource">A NodePool, EC2NodeClass or NodeOverlay.</param>
    /// <param name="member">A member of the pool's settings, e.g. <c>KarpenterMode</c>; none for the section.</param>
    public string KeyPathOfKarpenter(ProgramResource resource, string? member = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var pool = resource.Text("spec", "template", "metadata", "labels", WellKnownKeys.PoolLabel)
            ?? resource.Text("spec", "tags", WellKnownKeys.PoolLabel)
            ?? resource.Text("metadata", "name");
        var section = pool is null ? "Karpenter" : $"GpuPools[{pool}]";
        return KeyPath(member is null ? section : $"{section}.{member}", resource.Name);
    }

    /// <summary>The names of the device plugin config profiles: the data keys of its ConfigMap(s).</summary>
    public IReadOnlySet<string> DevicePluginProfiles => SharingProfile.Documents(Program).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Slices per GPU of a Karpenter NodePool's nodes under a device plugin config profile, read from the
    /// ConfigMap: its replicas when it shares, 1 when it does not, MIG devices per GPU × replicas under MIG
    /// (from the EC2NodeClass user data); null when no ConfigMap defines the profile.
    /// </summary>
    public int? SlicesPerGpu(string profile, ProgramResource nodePool)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return SharingProfile.TryFind(Program, profile)?.SlicesPerGpu(MigNodes.DevicesPerGpu(Program, null, nodePool).Values.Sum());
    }

    private IEnumerable<ProgramResource> CustomResources(string kind) =>
        Program.OfType("kubernetes:apiextensions.k8s.io:CustomResource").Where(r => r.Text("kind") == kind);

    /// <summary>The node group launched from a launch template, if any.</summary>
    public ProgramResource? NodeGroupUsing(ProgramResource launchTemplate)
    {
        ArgumentNullException.ThrowIfNull(launchTemplate);
        return NodeGroups.FirstOrDefault(n => n.Text("launchTemplate", "id") == $"${{{launchTemplate.Name}.id}}");
    }
}
