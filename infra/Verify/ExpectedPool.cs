using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Review.Plan;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>
/// One pool as the program declares it, for comparison with live nodes: the plan's figures (resource name, slices per
/// GPU, MIG devices: review/Plan) and the labels and taints its provisioners set.
/// </summary>
/// <param name="Plan">The pool's plan.</param>
/// <param name="Settings">Its nodes' labels and taints.</param>
internal sealed record ExpectedPool(PoolPlan Plan, PoolNodeSettings Settings)
{
    /// <summary>Whether the pool advertises shared GPUs under the renamed resource.</summary>
    public bool Renamed => Plan.ResourceName == WellKnownKeys.SharedGpuResource;

    /// <summary>Whether the pool runs MIG with the mixed strategy (one resource per MIG profile).</summary>
    public bool MigMixed => Plan.ResourceName.StartsWith(WellKnownKeys.MigResourcePrefix, StringComparison.Ordinal);

    /// <summary>Whether a node with <paramref name="labels"/> belongs to the pool: its pool label, or Karpenter's nodepool label naming the pool's NodePool.</summary>
    public bool Holds(Dictionary<string, string> labels) =>
        ((labels.TryGetValue(WellKnownKeys.PoolLabel, out var pool) && pool == Plan.Pool)
        || (Settings.NodePoolName is { } nodePool && labels.TryGetValue(WellKnownKeys.NodePoolLabel, out var owner) && owner == nodePool));

    /// <summary>The labels and taints a node of the pool must carry: the NodePool's on a node Karpenter made, else the node group's.</summary>
    public NodeSettings? SettingsFor(Dictionary<string, string> labels) =>
        Settings.Karpenter is { } karpenter && labels.ContainsKey(WellKnownKeys.NodePoolLabel) ? karpenter
            : Settings.ManagedNodeGroup ?? Settings.Karpenter;

    /// <summary>GPUs of a node of <paramref name="instanceType"/>: from the catalog, else the plan's GPUs per node.</summary>
    public int GpusOn(string? instanceType, GpuInstanceCatalog catalog) =>
        instanceType is not null && catalog.Find(instanceType) is { } type ? type.GpuCount : Plan.GpusPerNode;

    /// <summary>
    /// What a node with <paramref name="gpus"/> GPUs advertises: resource → count. Under MIG mixed one resource per MIG
    /// profile (devices per GPU × replicas per device); otherwise the plan's resource, GPUs × slices per GPU.
    /// </summary>
    public IReadOnlyDictionary<string, long> Allocatable(int gpus)
    {
        if (!MigMixed)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal) { [Plan.ResourceName] = (long)gpus * Plan.Replicas };
        }
        var devices = Math.Max(1, Plan.MigDevicesPerGpu.Values.Sum());
        var replicasPerDevice = Plan.Replicas / devices;
        return Plan.MigDevicesPerGpu.ToDictionary(d => WellKnownKeys.MigResourcePrefix + d.Key, d => (long)gpus * d.Value * replicasPerDevice, StringComparer.Ordinal);
    }
}
