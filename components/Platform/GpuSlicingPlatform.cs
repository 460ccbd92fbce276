using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;
using GpuSlicingInfra.Components.Providers.Kubernetes;
using GpuSlicingInfra.Components.Providers.Random;

namespace GpuSlicingInfra.Components.Platform;

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

        if (args.Cluster.CreateSpotServiceLinkedRole)
        {
            _ = SpotServiceLinkedRole.Create(program, tags);
        }

        Network = new Network(program, "network", args.Network with
        {
            PrivateSubnetTags = ResourceTags.Merge(args.Network.PrivateSubnetTags, (WellKnownKeys.KarpenterDiscoveryTag, args.Cluster.Name)),
            Tags = ResourceTags.Merge(args.Network.Tags.Concat(tags).ToDictionary()),
        });

        var karpenterOn = args.Karpenter.Enabled;
        Cluster = new Cluster(program, "cluster", args.Cluster with
        {
            // IRSA needs the cluster's OIDC provider; Pod Identity does not.
            CreateOidcProvider = args.Cluster.CreateOidcProvider || (karpenterOn && args.Karpenter.Identity == KarpenterIdentity.Irsa),
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

        foreach (var pool in args.GpuPools.Where(p => p.UsesManagedNodeGroup))
        {
            _ = new GpuNodePool(program, $"gpu-{pool.Name}", pool with
            {
                Cluster = Cluster.Resource,
                NodeRoleArn = Cluster.NodeRole.Arn,
                SubnetIds = Network.PrivateSubnetIds,
                Tags = ResourceTags.Merge(pool.Tags.Concat(tags).ToDictionary()),
            });
        }

        var karpenterPools = karpenterOn ? args.GpuPools.Where(p => p.UsesKarpenter).ToList() : [];
        DevicePlugin = new NvidiaDevicePlugin(program, "nvidia-device-plugin", args.DevicePlugin with
        {
            Provider = KubernetesProvider,
            SystemNodeGroup = Cluster.SystemNodeGroup,
            ExtraTolerationKeys = karpenterPools.Any(p => p.KarpenterMode == KarpenterMode.OverlayShared)
                ? [.. args.DevicePlugin.ExtraTolerationKeys, WellKnownKeys.SharedGpuTaintKey]
                : args.DevicePlugin.ExtraTolerationKeys,
        });

        if (karpenterOn)
        {
            // Managed node groups get the EKS-created cluster security group; Karpenter nodes join it too
            // so they reach the control plane and the other nodes the same way. Only that group carries the
            // discovery tag: pulumi-eks's node security group is also tagged kubernetes.io/cluster/<name>, and
            // a node in two such groups breaks Services of type LoadBalancer ("Multiple tagged security groups").
            _ = new Ec2Tag(program, "karpenter-cluster-security-group-discovery-tag", new Ec2TagArgs
            {
                ResourceId = Cluster.Resource.EksClusterSecurityGroupId,
                Key = WellKnownKeys.KarpenterDiscoveryTag,
                Value = args.Cluster.Name,
            });
            Karpenter = new Karpenter(program, "karpenter", args.Karpenter with
            {
                ClusterName = args.Cluster.Name,
                Cluster = Cluster.Resource,
                SystemNodeGroup = Cluster.SystemNodeGroup,
                Provider = KubernetesProvider,
                NameSuffix = NameSuffix.Result,
                GpuPools = [.. karpenterPools.Select(p => p with { Tags = ResourceTags.Merge(p.Tags.Concat(tags).ToDictionary()) })],
                Profiles = args.DevicePlugin.Profiles,
                Tags = ResourceTags.Merge(args.Karpenter.Tags.Concat(tags).ToDictionary()),
            });
        }

        program.AddOutput("clusterName", Cluster.Resource.ClusterName);
        program.AddOutput("kubeconfig", Expr.Secret(Cluster.Resource.KubeconfigJson));
        program.AddOutput("gpuCapacity", Expr.From(GpuCapacity.Summarize(args.GpuPools, args.DevicePlugin.Profiles)));
    }

    /// <summary>The random suffix for account-unique names.</summary>
    internal RandomString NameSuffix { get; }

    /// <summary>The network.</summary>
    public Network Network { get; }

    /// <summary>The cluster.</summary>
    public Cluster Cluster { get; }

    /// <summary>The Kubernetes provider bound to the cluster.</summary>
    internal KubernetesProvider KubernetesProvider { get; }

    /// <summary>Karpenter, when enabled; otherwise null.</summary>
    public Karpenter? Karpenter { get; }

    /// <summary>The device plugin.</summary>
    public NvidiaDevicePlugin DevicePlugin { get; }
}
