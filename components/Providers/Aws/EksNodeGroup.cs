using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Eks;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary>
/// <c>aws:eks:NodeGroup</c>: a managed node group of a cluster this program does not own (the <c>eks:ManagedNodeGroup</c>
/// component needs its own <c>eks:Cluster</c>).
/// </summary>
internal sealed class EksNodeGroup(PulumiProgram program, string name, EksNodeGroupArgs args, ResourceOptions? options = null)
    : Resource(program, name, "aws:eks:NodeGroup", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Aws;
}

/// <summary>Inputs of <see cref="EksNodeGroup"/>.</summary>
internal sealed record EksNodeGroupArgs
{
    /// <summary>The cluster's name.</summary>
    public required Input<string> ClusterName { get; init; }

    /// <summary>Kubernetes version of the nodes; the cluster's, so they follow its upgrades.</summary>
    public Input<string>? Version { get; init; }

    /// <summary>Node IAM role ARN.</summary>
    public required Input<string> NodeRoleArn { get; init; }

    /// <summary>Name prefix; names are unique per cluster, so a replacement can come up beside the old group.</summary>
    public Input<string>? NodeGroupNamePrefix { get; init; }

    /// <summary>AMI type, e.g. <c>AL2023_x86_64_NVIDIA</c>.</summary>
    public Input<string>? AmiType { get; init; }

    /// <summary>Instance types.</summary>
    public InputList<string>? InstanceTypes { get; init; }

    /// <summary><c>ON_DEMAND</c> or <c>SPOT</c>.</summary>
    public Input<string>? CapacityType { get; init; }

    /// <summary>Scaling bounds.</summary>
    public required NodeGroupScalingConfigArgs ScalingConfig { get; init; }

    /// <summary>Node subnets.</summary>
    public required InputList<string> SubnetIds { get; init; }

    /// <summary>Kubernetes labels.</summary>
    public InputMap<string>? Labels { get; init; }

    /// <summary>Kubernetes taints.</summary>
    public IReadOnlyList<NodeGroupTaintArgs>? Taints { get; init; }

    /// <summary>Launch template.</summary>
    public NodeGroupLaunchTemplateArgs? LaunchTemplate { get; init; }

    /// <summary>Tags.</summary>
    public InputMap<string>? Tags { get; init; }
}
