using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Kubernetes;
using GpuSlicingInfra.Components.Providers.Random;

namespace GpuSlicingInfra.Components.Components;

/// <summary>
/// The whole GPU-sharing platform: network, cluster, GPU node pools, the device plugin with its
/// sharing profiles, and the stack outputs a user needs next.
/// </summary>
public sealed class GpuSlicingPlatform
{
    /// <summary>Tag key carrying the environment.</summary>
    public const string EnvironmentTag = "gpu-slicing-infra/environment";

    /// <summary>Tag key carrying the cluster name.</summary>
    public const string ClusterTag = "gpu-slicing-infra/cluster";

    /// <summary>Adds every component to <paramref name="program"/>.</summary>
    public GpuSlicingPlatform(PulumiProgram program, GpuSlicingPlatformArgs args)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(args);
        ArgsValidationException.ThrowIfAny(nameof(GpuSlicingPlatformArgs), args.Validate());
        var tags = ResourceTags.Merge(args.Tags, (EnvironmentTag, args.Environment), (ClusterTag, args.Cluster.Name));

        // Generated once and kept in state: names that must be unique account-wide (IAM is global).
        NameSuffix = new RandomString(program, "name-suffix", new RandomStringArgs
        {
            Length = 6,
            Upper = false,
            Special = false,
        });

        Network = new Network(program, "network", args.Network with
        {
            PrivateSubnetTags = ResourceTags.Merge(args.Network.PrivateSubnetTags, (ResourceTags.KarpenterDiscovery, args.Cluster.Name)),
            Tags = ResourceTags.Merge(args.Network.Tags.Concat(tags).ToDictionary()),
        });

        Cluster = new Cluster(program, "cluster", args.Cluster with
        {
            VpcId = Network.VpcId,
            PrivateSubnetIds = Network.PrivateSubnetIds,
            PublicSubnetIds = args.Network.UsesExistingVpc && args.Network.ExistingPublicSubnetIds.Count == 0 ? null : Network.PublicSubnetIds,
            NameSuffix = NameSuffix.Result,
            Tags = ResourceTags.Merge(args.Cluster.Tags.Concat(tags).ToDictionary()),
        });

        KubernetesProvider = new KubernetesProvider(program, "k8s-provider", new KubernetesProviderArgs
        {
            Kubeconfig = Cluster.Resource.KubeconfigJson,
            EnableServerSideApply = true,
        });

        foreach (var pool in args.GpuPools)
        {
            _ = new GpuNodePool(program, $"gpu-{pool.Name}", pool with
            {
                Cluster = Cluster.Resource,
                NodeRoleArn = Cluster.NodeRole.Arn,
                SubnetIds = Network.PrivateSubnetIds,
                Tags = ResourceTags.Merge(pool.Tags.Concat(tags).ToDictionary()),
            });
        }

        DevicePlugin = new NvidiaDevicePlugin(program, "nvidia-device-plugin", args.DevicePlugin with { Provider = KubernetesProvider });

        program.AddOutput("clusterName", Cluster.Resource.ClusterName);
        program.AddOutput("kubeconfig", Expr.Secret(Cluster.Resource.KubeconfigJson));
        program.AddOutput("gpuCapacity", Expr.From(GpuCapacity.Summarize(args.GpuPools, args.DevicePlugin.Profiles)));
    }

    /// <summary>The random suffix for account-unique names.</summary>
    public RandomString NameSuffix { get; }

    /// <summary>The network.</summary>
    public Network Network { get; }

    /// <summary>The cluster.</summary>
    public Cluster Cluster { get; }

    /// <summary>The Kubernetes provider bound to the cluster.</summary>
    public KubernetesProvider KubernetesProvider { get; }

    /// <summary>The device plugin.</summary>
    public NvidiaDevicePlugin DevicePlugin { get; }
}
