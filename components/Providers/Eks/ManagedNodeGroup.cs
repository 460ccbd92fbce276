using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Eks;

/// <summary><c>eks:ManagedNodeGroup</c>.</summary>
internal sealed class ManagedNodeGroup(PulumiProgram program, string name, ManagedNodeGroupArgs args, ResourceOptions? options = null)
    : Resource(program, name, "eks:ManagedNodeGroup", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Eks;
}

/// <summary>Inputs of <see cref="ManagedNodeGroup"/>.</summary>
internal sealed record ManagedNodeGroupArgs
{
    /// <summary>The <c>eks:Cluster</c> resource.</summary>
    public required Expr Cluster { get; init; }

    /// <summary>
    /// Kubernetes version of the nodes. pulumi-eks defaults it to the cluster's only when there is no launch
    /// template (nodejs/eks/nodes/nodegroup.ts, v4.3.0), so node groups with one must set it to follow upgrades.
    /// </summary>
    public Input<string>? Version { get; init; }

    /// <summary>Node IAM role ARN.</summary>
    public Input<string>? NodeRoleArn { get; init; }

    /// <summary>Name prefix; AWS names must be unique per cluster, so a prefix avoids replacement collisions.</summary>
    public Input<string>? NodeGroupNamePrefix { get; init; }

    /// <summary>AMI type, e.g. <c>AL2023_x86_64_NVIDIA</c>.</summary>
    public Input<string>? AmiType { get; init; }

    /// <summary>Instance types.</summary>
    public InputList<string>? InstanceTypes { get; init; }

    /// <summary><c>ON_DEMAND</c> or <c>SPOT</c>.</summary>
    public Input<string>? CapacityType { get; init; }

    /// <summary>Scaling bounds.</summary>
    public NodeGroupScalingConfigArgs? ScalingConfig { get; init; }

    /// <summary>Node subnets.</summary>
    public InputList<string>? SubnetIds { get; init; }

    /// <summary>Kubernetes labels.</summary>
    public InputMap<string>? Labels { get; init; }

    /// <summary>Kubernetes taints.</summary>
    public IReadOnlyList<NodeGroupTaintArgs>? Taints { get; init; }

    /// <summary>Launch template.</summary>
    public NodeGroupLaunchTemplateArgs? LaunchTemplate { get; init; }

    /// <summary>Let the autoscaler change the desired size without Pulumi reverting it.</summary>
    public bool? IgnoreScalingChanges { get; init; }

    /// <summary>Tags.</summary>
    public InputMap<string>? Tags { get; init; }
}

/// <summary>Scaling bounds of a node group.</summary>
internal sealed record NodeGroupScalingConfigArgs
{
    /// <summary>Minimum nodes.</summary>
    public required Input<int> MinSize { get; init; }

    /// <summary>Desired nodes.</summary>
    public required Input<int> DesiredSize { get; init; }

    /// <summary>Maximum nodes.</summary>
    public required Input<int> MaxSize { get; init; }
}

/// <summary>A node taint.</summary>
internal sealed record NodeGroupTaintArgs
{
    /// <summary>Key.</summary>
    public required Input<string> Key { get; init; }

    /// <summary>Value.</summary>
    public Input<string>? Value { get; init; }

    /// <summary><c>NO_SCHEDULE</c>, <c>NO_EXECUTE</c> or <c>PREFER_NO_SCHEDULE</c>.</summary>
    public required Input<string> Effect { get; init; }
}

/// <summary>Launch template reference.</summary>
internal sealed record NodeGroupLaunchTemplateArgs
{
    /// <summary>Template id.</summary>
    public required Input<string> Id { get; init; }

    /// <summary>Template version (a string).</summary>
    public required Input<string> Version { get; init; }
}
