using GpuSlicingInfra.Components.Providers.Eks;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>What a GPU node group is, whichever cluster it joins (<see cref="GpuCluster.AddGpuNodeGroup"/>).</summary>
internal sealed record GpuNodeGroupSpec
{
    public required string NodeGroupNamePrefix { get; init; }

    public required string AmiType { get; init; }

    public required IReadOnlyList<string> InstanceTypes { get; init; }

    public required string CapacityType { get; init; }

    public required NodeGroupScalingConfigArgs ScalingConfig { get; init; }

    public required SortedDictionary<string, string> Labels { get; init; }

    public required IReadOnlyList<NodeGroupTaintArgs> Taints { get; init; }

    public required NodeGroupLaunchTemplateArgs LaunchTemplate { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    public required bool Protect { get; init; }
}
