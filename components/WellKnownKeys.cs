namespace GpuSlicingInfra.Components;

/// <summary>
/// The label, taint, resource and tag keys that NVIDIA, Kubernetes, Karpenter and this product give
/// meaning to, in one place: components write them, reviews read them.
/// </summary>
public static class WellKnownKeys
{
    /// <summary>The GPU resource the NVIDIA device plugin advertises; also the taint key that keeps non-GPU pods off GPU nodes.</summary>
    public const string GpuResource = "nvidia.com/gpu";

    /// <summary>The resource a renaming profile advertises instead (device plugin <c>renameByDefault: true</c>).</summary>
    public const string SharedGpuResource = "nvidia.com/gpu.shared";

    /// <summary>Prefix of the per-profile MIG resources under the plugin's mixed strategy, e.g. <c>nvidia.com/mig-1g.10gb</c>.</summary>
    public const string MigResourcePrefix = "nvidia.com/mig-";

    /// <summary>Taint key that keeps non-GPU pods off GPU nodes (NoSchedule, value <c>true</c>).</summary>
    public const string GpuTaintKey = GpuResource;

    /// <summary>
    /// Taint key of overlay-shared Karpenter pools. Pods asking for <c>nvidia.com/gpu</c> tolerate the GPU
    /// taint but not this one, so Karpenter never launches a renaming node for them: that NodeClaim would
    /// wait forever for an <c>nvidia.com/gpu</c> the node never registers.
    /// </summary>
    public const string SharedGpuTaintKey = SharedGpuResource;

    /// <summary>Node label the device plugin reads to choose its named config (a sharing profile) per node.</summary>
    public const string DevicePluginConfigLabel = "nvidia.com/device-plugin.config";

    /// <summary>Node label the device plugin chart's default affinity accepts on GPU nodes.</summary>
    public const string GpuPresentLabel = "nvidia.com/gpu.present";

    /// <summary>Node label naming the GPU pool a node belongs to.</summary>
    public const string PoolLabel = "gpu-slicing-infra/pool";

    /// <summary>Node label <c>"true"</c> on pools declared latency-sensitive (<c>GpuPoolOptions.LatencySensitive</c>): pods can select it, and review reads it from any program.</summary>
    public const string LatencySensitiveLabel = "gpu-slicing-infra/latency-sensitive";

    /// <summary>Node label that marks system nodes; controllers select it.</summary>
    public const string NodeRoleLabel = "gpu-slicing-infra/node-role";

    /// <summary>Karpenter's subnet and security-group discovery tag.</summary>
    public const string KarpenterDiscoveryTag = "karpenter.sh/discovery";

    /// <summary>Karpenter's well-known label for an instance type's family.</summary>
    public const string InstanceFamilyLabel = "karpenter.k8s.aws/instance-family";

    /// <summary>Karpenter's well-known label for an instance type's physical GPUs.</summary>
    public const string InstanceGpuCountLabel = "karpenter.k8s.aws/instance-gpu-count";

    /// <summary>Kubernetes' well-known instance type label.</summary>
    public const string InstanceTypeLabel = "node.kubernetes.io/instance-type";

    /// <summary>Karpenter's spot or on-demand label.</summary>
    public const string CapacityTypeLabel = "karpenter.sh/capacity-type";

    /// <summary>The NodePool that launched a node; NodeOverlays use it to target one pool.</summary>
    public const string NodePoolLabel = "karpenter.sh/nodepool";
}
