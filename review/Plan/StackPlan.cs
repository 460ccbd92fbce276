using System.Text.Json.Serialization;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Review.Diff;

namespace GpuSlicingInfra.Review.Plan;

// The plan is also the `plan --format json` contract (docs/plan.schema.json): member names are the
// JSON names in camelCase. Add members freely; renaming or removing one needs a new SchemaVersion.

/// <summary>The offline view of a stack: what will exist, what it provides and what it costs.</summary>
/// <param name="SchemaVersion">Version of this shape (<see cref="CurrentSchemaVersion"/>).</param>
/// <param name="Stack">Stack name.</param>
/// <param name="Environment">Environment setting.</param>
/// <param name="Region">AWS region, if set.</param>
/// <param name="Components">Resources of the compiled program, grouped by the component that adds them.</param>
/// <param name="Pools">GPU capacity and cost per pool.</param>
/// <param name="FixedCosts">Charges besides the GPU pools.</param>
/// <param name="Totals">Sums over pools and fixed costs.</param>
/// <param name="Warnings">What a reviewer should look at.</param>
/// <param name="Notes">How to read the numbers.</param>
public sealed record StackPlan(
    int SchemaVersion,
    string Stack,
    string Environment,
    string? Region,
    IReadOnlyList<ComponentGroup> Components,
    IReadOnlyList<PoolPlan> Pools,
    IReadOnlyList<CostLine> FixedCosts,
    PlanTotals Totals,
    IReadOnlyList<PlanWarning> Warnings,
    IReadOnlyList<string> Notes)
{
    /// <summary>The schema version this code writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Tenants of the GPU pools (<c>tenants</c>): slices promised against what their pools offer, and cost shares; empty without tenants.</summary>
    public IReadOnlyList<TenantPlan> Tenants { get; init; } = [];

    /// <summary>What the program was compared with (<c>plan --against</c>); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Against { get; init; }

    /// <summary>Differences from the program named by <see cref="Against"/>; absent without it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ProgramDiff? Diff { get; init; }

    /// <summary>The existing cluster the program joins: what it adds and what it assumes; absent for a program that creates its cluster.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExistingClusterPlan? ExistingCluster { get; init; }
}

/// <summary>Resources one component adds.</summary>
/// <param name="Component">The owning component as <c>Kind name</c>, e.g. <c>GpuNodePool gpu-t4</c>; <c>other</c> for resources without one.</param>
/// <param name="Prefix">The owning component's name, which its resources' logical names start with; empty for <c>other</c>.</param>
/// <param name="Resources">Its resources in program order.</param>
public sealed record ComponentGroup(string Component, string Prefix, IReadOnlyList<PlannedResource> Resources);

/// <summary>One resource of the program.</summary>
/// <param name="Name">Logical name.</param>
/// <param name="Type">Type token.</param>
public sealed record PlannedResource(string Name, string Type);

/// <summary>An amount per hour and per month (hourly × 730).</summary>
/// <param name="Hourly">USD per hour.</param>
/// <param name="Monthly">USD per month.</param>
public sealed record Money(decimal Hourly, decimal Monthly);

/// <summary>One GPU pool.</summary>
/// <param name="Pool">Pool name.</param>
/// <param name="Provisioner">What adds its nodes: <c>managedNodeGroup</c>, <c>karpenter</c> or <c>both</c>.</param>
/// <param name="KarpenterMode"><c>plain</c>, <c>overlay-override</c> or <c>overlay-shared</c>; null without Karpenter.</param>
/// <param name="InstanceTypes">The node group's types in its order; for a Karpenter-only pool, the types its NodePool allows, cheapest first.</param>
/// <param name="PricedInstanceType">The type the cost assumes: the node group's first (on-demand node groups launch types in list order), else the cheapest the NodePool allows (what Karpenter launches).</param>
/// <param name="CapacityType"><c>onDemand</c> or <c>spot</c>.</param>
/// <param name="Profile">Sharing profile.</param>
/// <param name="Strategy"><c>timeSlicing</c>, <c>mps</c> or <c>none</c>.</param>
/// <param name="ResourceName">What pods request: <c>nvidia.com/gpu</c> or <c>nvidia.com/gpu.shared</c>.</param>
/// <param name="GpuModel">GPU model of the priced type.</param>
/// <param name="GpuMemoryGiB">Memory of one GPU.</param>
/// <param name="Nodes">Node counts: the node group's min and desired (0 for a Karpenter-only pool, which starts empty and grows on demand); max = node group max + Karpenter node limit.</param>
/// <param name="GpusPerNode">GPUs per node (the smallest of the pool's types).</param>
/// <param name="PhysicalGpus">Nodes × GPUs per node.</param>
/// <param name="Replicas">Slices per GPU (1 without sharing; under MIG, devices per GPU × replicas per device).</param>
/// <param name="AdvertisedSlices">Physical GPUs × replicas: the allocatable <see cref="ResourceName"/>.</param>
/// <param name="NominalGpuMemoryGiBPerSlice">GPU memory ÷ replicas: a fair share, not a limit.</param>
/// <param name="UsdPerNodeHour">Price of one node; null when unknown.</param>
/// <param name="AtDesired">Cost at the desired size.</param>
/// <param name="AtMax">Cost at the maximum size.</param>
/// <param name="UsdPerSliceHour">Cost at desired ÷ slices at desired; null with no slices.</param>
/// <param name="WithoutSharing">The same slices as whole GPUs.</param>
/// <param name="ManagedNodeGroup">The managed node group's own node counts; null for a Karpenter-only pool.</param>
/// <param name="Karpenter">The Karpenter NodePool's headroom; null without Karpenter.</param>
/// <param name="MigDevicesPerGpu">MIG profile → devices each GPU is partitioned into at boot; empty without MIG.</param>
public sealed record PoolPlan(
    string Pool,
    string Provisioner,
    string? KarpenterMode,
    IReadOnlyList<string> InstanceTypes,
    string PricedInstanceType,
    string CapacityType,
    string Profile,
    string Strategy,
    string ResourceName,
    string GpuModel,
    int GpuMemoryGiB,
    NodeCounts Nodes,
    int GpusPerNode,
    NodeCounts PhysicalGpus,
    int Replicas,
    NodeCounts AdvertisedSlices,
    decimal NominalGpuMemoryGiBPerSlice,
    decimal? UsdPerNodeHour,
    Money AtDesired,
    Money AtMax,
    decimal? UsdPerSliceHour,
    UnsharedComparison WithoutSharing,
    NodeCounts? ManagedNodeGroup,
    KarpenterHeadroom? Karpenter,
    IReadOnlyDictionary<string, int> MigDevicesPerGpu)
{
    /// <summary>Slices one node advertises: GPUs per node × slices per GPU (MIG devices × replicas under MIG).</summary>
    public int SlicesPerNode { get; init; }

    /// <summary>
    /// Pods a node of the priced type takes (its VPC CNI limit, <c>GpuInstanceType.MaxPods</c>), DaemonSet pods included;
    /// null when the type is not in the review's catalog. Validation keeps <see cref="SlicesPerNode"/> within it less the DaemonSets.
    /// </summary>
    public int? MaxPodsPerNode { get; init; }

    /// <summary>The pool is declared latency-sensitive (its nodes' <c>gpu-slicing-infra/latency-sensitive</c> label).</summary>
    public bool LatencySensitive { get; init; }
}

/// <summary>
/// What a pool's Karpenter NodePool can add on top of its node group: nothing at rest, up to its node limit
/// when pods are pending. Karpenter's controller runs on the system nodes, so it adds no cost line.
/// </summary>
/// <param name="Mode"><c>plain</c>, <c>overlay-override</c> or <c>overlay-shared</c>.</param>
/// <param name="PodResource">What the pool's pods request in this mode.</param>
/// <param name="MaxNodes">The NodePool's node limit (<c>limits.nodes</c>).</param>
/// <param name="PhysicalGpusAtMax">Max nodes × GPUs per node.</param>
/// <param name="AdvertisedSlicesAtMax">Physical GPUs at max × replicas.</param>
/// <param name="AtMax">Max nodes × the price of the cheapest type the NodePool allows.</param>
public sealed record KarpenterHeadroom(string Mode, string PodResource, int MaxNodes, int PhysicalGpusAtMax, int AdvertisedSlicesAtMax, Money AtMax);

/// <summary>
/// What the pods that fill a pool's slices would cost without sharing: each slice becomes one whole GPU,
/// priced at the per-GPU price of the pool's first instance type. A pool with a node group is compared at
/// its desired size; a Karpenter-only pool, empty at rest, at its node limit.
/// </summary>
/// <param name="Basis"><c>desired</c> or <c>max</c>: the size compared.</param>
/// <param name="Slices">Slices at that size (pods that fit).</param>
/// <param name="GpusNeeded">Whole GPUs those pods would need.</param>
/// <param name="UsdPerGpuHour">Price of one GPU: the first type's price ÷ its GPUs.</param>
/// <param name="Cost">GPUs needed × price per GPU.</param>
/// <param name="Saved">Cost without sharing − cost with it.</param>
public sealed record UnsharedComparison(string Basis, int Slices, int GpusNeeded, decimal UsdPerGpuHour, Money Cost, Money Saved);

/// <summary>A charge besides the GPU pools.</summary>
/// <param name="Item"><c>eksControlPlane</c>, <c>natGateways</c> or <c>systemNodes</c>.</param>
/// <param name="Detail">What is counted, e.g. <c>2 × t3.large</c>.</param>
/// <param name="UnitUsdPerHour">Price of one unit; null when unknown (counted as 0).</param>
/// <param name="AtDesired">Cost at desired counts.</param>
/// <param name="AtMax">Cost at maximum counts.</param>
public sealed record CostLine(string Item, string Detail, decimal? UnitUsdPerHour, Money AtDesired, Money AtMax);

/// <summary>Sums over the stack.</summary>
/// <param name="PhysicalGpus">GPUs over all pools.</param>
/// <param name="AdvertisedSlices">Slices over all pools.</param>
/// <param name="GpuPools">Cost of the GPU pools at desired size.</param>
/// <param name="AtDesired">Everything at desired size.</param>
/// <param name="AtMax">Everything at maximum size.</param>
/// <param name="WithoutSharing">The GPU pools' pods on whole GPUs, each pool at its comparison size.</param>
/// <param name="SavedBySharing">Σ each pool's saving, each at its comparison size (desired, or max for a Karpenter-only pool).</param>
public sealed record PlanTotals(
    NodeCounts PhysicalGpus,
    NodeCounts AdvertisedSlices,
    Money GpuPools,
    Money AtDesired,
    Money AtMax,
    Money WithoutSharing,
    Money SavedBySharing);

/// <summary>Something a reviewer should look at; never fails the plan.</summary>
/// <param name="Code">Stable identifier, e.g. <c>spot-in-prod</c>.</param>
/// <param name="Message">What and why.</param>
/// <param name="KeyPath">The config key to change, when there is one.</param>
public sealed record PlanWarning(string Code, string Message, string? KeyPath);
