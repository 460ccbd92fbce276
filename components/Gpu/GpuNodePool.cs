using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Eks;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// A managed node group of GPU instances: NVIDIA AL2023 AMI, tainted <c>nvidia.com/gpu=true:NoSchedule</c>
/// so only GPU pods land, labelled with the sharing profile the device plugin applies.
/// </summary>
public sealed class GpuNodePool
{
    /// <summary>Adds the pool's launch template and node group, named <c>{name}-launch-template</c> and <c>{name}-nodes</c>.</summary>
    public GpuNodePool(PulumiProgram program, string name, GpuNodePoolArgs args)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(args);
        ArgsValidationException.ThrowIfAny(nameof(GpuNodePoolArgs), args.Validate());
        var cluster = args.Cluster ?? throw new ArgumentException("GpuNodePoolArgs.Cluster must be wired.", nameof(args));
        var nodeRoleArn = args.NodeRoleArn ?? throw new ArgumentException("GpuNodePoolArgs.NodeRoleArn must be wired.", nameof(args));
        var subnets = args.SubnetIds ?? throw new ArgumentException("GpuNodePoolArgs.SubnetIds must be wired.", nameof(args));

        var template = NodeLaunchTemplate.Create(program, $"{name}-launch-template",
            $"GPU pool {args.Name}", args.DiskSizeGiB,
            // GPU workloads get AWS credentials from Pod Identity, never from the node's IMDS.
            hopLimit: 1, args.Tags, args.Protect);
        NodeGroup = new ManagedNodeGroup(program, $"{name}-nodes", new ManagedNodeGroupArgs
        {
            Cluster = cluster.Reference,
            NodeRoleArn = nodeRoleArn,
            // A prefix lets a replacement node group come up beside the old one (names are unique per cluster).
            NodeGroupNamePrefix = $"gpu-{args.Name}-",
            AmiType = GpuNodePoolArgs.NvidiaAmiType,
            InstanceTypes = args.InstanceTypes.ToArray(),
            CapacityType = args.CapacityType == CapacityType.Spot ? "SPOT" : "ON_DEMAND",
            ScalingConfig = new NodeGroupScalingConfigArgs
            {
                MinSize = args.MinSize,
                DesiredSize = args.DesiredSize,
                MaxSize = args.MaxSize,
            },
            SubnetIds = subnets,
            Labels = NodeLabels(args),
            Taints = [new NodeGroupTaintArgs { Key = WellKnownKeys.GpuTaintKey, Value = "true", Effect = "NO_SCHEDULE" }],
            LaunchTemplate = template,
            Version = cluster.KubernetesVersion,
            Tags = ResourceTags.Merge(args.Tags),
        }, new ResourceOptions { Protect = args.Protect });
    }

    /// <summary>The node group.</summary>
    internal ManagedNodeGroup NodeGroup { get; }

    /// <summary>Labels of the pool's nodes: GPU presence, sharing profile, pool name, plus extras.</summary>
    public static SortedDictionary<string, string> NodeLabels(GpuNodePoolArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return ResourceTags.Merge(args.Labels,
            (WellKnownKeys.GpuPresentLabel, "true"),
            (WellKnownKeys.DevicePluginConfigLabel, args.Profile),
            (WellKnownKeys.PoolLabel, args.Name));
    }
}
