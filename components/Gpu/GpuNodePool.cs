using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Eks;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// A managed node group of GPU instances: the AL2023 NVIDIA AMI of the pool's architecture (x86_64 or ARM_64), tainted <c>nvidia.com/gpu=true:NoSchedule</c>
/// so only GPU pods land, labelled with the sharing profile the device plugin applies.
/// </summary>
public sealed class GpuNodePool
{
    /// <summary>
    /// Adds the pool's launch template and managed node group to <paramref name="cluster"/> (a created cluster's
    /// <c>eks:ManagedNodeGroup</c>, an existing cluster's <c>aws:eks:NodeGroup</c>), named
    /// <c>{name}-launch-template</c> and <c>{name}-nodes</c>, sized by the pool's
    /// <see cref="GpuPoolOptions.ManagedNodeGroup"/> (required here).
    /// The pool's sharing <paramref name="profile"/> (the one <see cref="GpuPoolOptions.Profile"/> names) is required: under
    /// MIG the launch template's user data partitions the GPUs at boot, and without that the device plugin would find
    /// no MIG devices.
    /// </summary>
    /// <exception cref="ArgsValidationException">The options are invalid, have no managed node group, or <paramref name="profile"/> is not the one they name.</exception>
    public GpuNodePool(PulumiProgram program, string name, GpuCluster cluster, GpuPoolOptions options, SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(profile);
        ArgsValidationException.ThrowIfAny(nameof(GpuPoolOptions), options.Validate());
        if (profile.Name != options.Profile)
        {
            throw new ArgsValidationException(nameof(GpuPoolOptions), [new(nameof(GpuPoolOptions.Profile),
                $"pool '{options.Name}' names profile '{options.Profile}' but was given profile '{profile.Name}'.")]);
        }
        if (options.ManagedNodeGroup is not { } sizes)
        {
            throw new ArgsValidationException(nameof(GpuPoolOptions), [new(nameof(GpuPoolOptions.ManagedNodeGroup),
                $"pool '{options.Name}' has no managed node group settings; a Karpenter-only pool gets its nodes from Karpenter.")]);
        }
        using var component = program.BeginComponent(nameof(GpuNodePool), name);

        var template = NodeLaunchTemplate.Create(program, $"{name}-launch-template",
            $"GPU pool {options.Name}", options.DiskSizeGiB,
            // GPU workloads get AWS credentials from Pod Identity, never from the node's IMDS.
            hopLimit: 1, options.Tags, options.Protect,
            // A MIG profile's layout is applied at boot, before the node joins.
            userData: MigPartitioning.UserData(options, profile));
        _ = cluster.AddGpuNodeGroup(program, $"{name}-nodes", new GpuNodeGroupSpec
        {
            // A prefix lets a replacement node group come up beside the old one (names are unique per cluster).
            NodeGroupNamePrefix = $"gpu-{options.Name}-",
            AmiType = options.NvidiaAmiType,
            InstanceTypes = options.InstanceTypes,
            CapacityType = options.CapacityType == CapacityType.Spot ? "SPOT" : "ON_DEMAND",
            ScalingConfig = new NodeGroupScalingConfigArgs
            {
                MinSize = sizes.MinSize,
                DesiredSize = sizes.DesiredSize,
                MaxSize = sizes.MaxSize,
            },
            Labels = NodeLabels(options),
            Taints = [new NodeGroupTaintArgs { Key = WellKnownKeys.GpuTaintKey, Value = "true", Effect = "NO_SCHEDULE" }],
            LaunchTemplate = template,
            Tags = options.Tags,
            Protect = options.Protect,
        });
    }

    /// <summary>Labels of the pool's nodes: GPU presence, sharing profile, pool name, latency-sensitive when declared, plus extras.</summary>
    public static SortedDictionary<string, string> NodeLabels(GpuPoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var labels = ResourceTags.Merge(options.Labels,
            (WellKnownKeys.GpuPresentLabel, "true"),
            (WellKnownKeys.DevicePluginConfigLabel, options.Profile),
            (WellKnownKeys.PoolLabel, options.Name));
        if (options.LatencySensitive)
        {
            labels[WellKnownKeys.LatencySensitiveLabel] = "true";
        }
        return labels;
    }
}
