using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Monitoring;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;
using GpuSlicingInfra.Components.Providers.Random;

namespace GpuSlicingInfra.Components.Platform;

/// <summary>
/// The whole GPU-sharing platform: network, cluster, GPU node pools, the device plugin with its
/// sharing profiles and, for pools that use it, Karpenter. It adds no stack outputs; the program's
/// owner writes those from <see cref="ClusterName"/>, <see cref="Kubeconfig"/> and <see cref="GpuCapacity"/>.
/// </summary>
public sealed class GpuSlicingPlatform
{
    /// <summary>Tag key carrying the environment.</summary>
    public const string EnvironmentTag = "gpu-slicing-infra/environment";

    /// <summary>Tag key carrying the cluster name.</summary>
    public const string ClusterTag = "gpu-slicing-infra/cluster";

    /// <summary>Adds every component to <paramref name="program"/>.</summary>
    /// <param name="program">The program to add to.</param>
    /// <param name="name">
    /// Prefix of every child's logical name (<c>{name}-cluster-eks</c>, <c>{name}-gpu-t4-nodes</c>…), so several
    /// platforms fit in one program. Empty for the program's root platform, whose children have bare names
    /// (<c>cluster-eks</c>, <c>name-suffix</c>…): the names the shipped stacks have always had, kept because
    /// renaming a component resource such as <c>eks:Cluster</c> replaces it even with an alias.
    /// </param>
    /// <param name="options">What the user chose.</param>
    public GpuSlicingPlatform(PulumiProgram program, string name, GpuSlicingPlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        if (name.Length > 0 && !Naming.IsDnsLabel(name))
        {
            throw new ArgumentException($"'{name}' must be empty (the root platform) or a DNS label: it prefixes every logical name.", nameof(name));
        }
        ArgsValidationException.ThrowIfAny(nameof(GpuSlicingPlatformOptions), options.Validate());
        using var component = program.BeginComponent(nameof(GpuSlicingPlatform), name);
        string Child(string suffix) => name.Length == 0 ? suffix : $"{name}-{suffix}";
        var tags = ResourceTags.Merge(options.Tags, (EnvironmentTag, options.Environment), (ClusterTag, options.Cluster.Name));
        Warnings = KarpenterWarnings.For(options);

        // Generated once and kept in state: names that must be unique account-wide (IAM is global).
        var nameSuffix = new RandomString(program, Child("name-suffix"), new RandomStringArgs
        {
            Length = 6,
            Upper = false,
            Special = false,
        });

        if (options.Cluster.CreateSpotServiceLinkedRole)
        {
            _ = SpotServiceLinkedRole.Create(program, Child(SpotServiceLinkedRole.LogicalName), tags);
        }

        var karpenterOn = options.Karpenter.Enabled;
        if (options.ExistingCluster is { } existing)
        {
            // Nothing of the existing cluster is modified: no network, no control plane, no system nodes.
            var joined = new ExistingCluster(program, Child("cluster"), existing with
            {
                Tags = ResourceTags.Merge(existing.Tags.Concat(tags).ToDictionary()),
            }, nameSuffix.Result);
            _ = joined.AddKubernetesProvider(Child("k8s-provider"));
            Cluster = joined;
        }
        else
        {
            var network = new Network(program, Child("network"), options.Network with
            {
                PrivateSubnetTags = ResourceTags.Merge(options.Network.PrivateSubnetTags, (WellKnownKeys.KarpenterDiscoveryTag, options.Cluster.Name)),
                Tags = ResourceTags.Merge(options.Network.Tags.Concat(tags).ToDictionary()),
            });
            var created = new Cluster(program, Child("cluster"), network, options.Cluster with
            {
                // IRSA needs the cluster's OIDC provider; Pod Identity does not.
                CreateOidcProvider = options.Cluster.CreateOidcProvider || (karpenterOn && options.Karpenter.Identity == KarpenterIdentity.Irsa),
                Tags = ResourceTags.Merge(options.Cluster.Tags.Concat(tags).ToDictionary()),
            }, nameSuffix.Result);
            _ = created.AddSystemNodeGroup(Child("system-nodes"));
            _ = created.AddKubernetesProvider(Child("k8s-provider"));
            Network = network;
            Cluster = created;
        }

        foreach (var pool in options.GpuPools.Where(p => p.UsesManagedNodeGroup))
        {
            _ = new GpuNodePool(program, Child($"gpu-{pool.Name}"), Cluster, WithTags(pool, tags),
                options.DevicePlugin.Profiles.First(p => p.Name == pool.Profile));
        }

        var karpenterPools = karpenterOn ? options.GpuPools.Where(p => p.UsesKarpenter).ToList() : [];
        IReadOnlyList<string> extraGpuTaints = karpenterPools.Any(p => p.Karpenter?.Mode == KarpenterMode.OverlayShared) ? [WellKnownKeys.SharedGpuTaintKey] : [];
        _ = new NvidiaDevicePlugin(program, Child("nvidia-device-plugin"), Cluster, options.DevicePlugin, extraGpuTaints);
        if (options.DcgmExporter.Enabled)
        {
            var dcgm = new DcgmExporter(program, Child("dcgm-exporter"), Cluster.KubernetesProvider, options.DcgmExporter, [WellKnownKeys.GpuTaintKey, .. extraGpuTaints]);
            if (options.DcgmExporter.GrafanaDashboard)
            {
                _ = new GrafanaDashboard(program, Child("gpu-dashboard"), Cluster.KubernetesProvider, options.DcgmExporter, dcgm, options.GpuPools, options.DevicePlugin.Profiles);
            }
        }
        if (options.Tenants.Count > 0 || options.Tenancy.PriorityClasses)
        {
            _ = new Tenancy.Tenancy(program, Child("tenant"), Cluster.KubernetesProvider, options.Tenancy, options.Tenants, options.GpuPools, options.DevicePlugin.Profiles);
        }

        var karpenterOptions = options.Karpenter with { Tags = ResourceTags.Merge(options.Karpenter.Tags.Concat(tags).ToDictionary()) };
        List<GpuPoolOptions> taggedKarpenterPools = [.. karpenterPools.Select(p => WithTags(p, tags))];
        if (karpenterOn && Cluster is ExistingCluster existingCluster && options.Karpenter.Existing)
        {
            _ = new ExistingKarpenterPools(program, Child("karpenter"), existingCluster, karpenterOptions, taggedKarpenterPools, options.DevicePlugin.Profiles);
        }
        else if (karpenterOn)
        {
            if (Cluster is Cluster createdCluster)
            {
                // Managed node groups get the EKS-created cluster security group; Karpenter nodes join it too
                // so they reach the control plane and the other nodes the same way. Only that group carries the
                // discovery tag: pulumi-eks's node security group is also tagged kubernetes.io/cluster/<name>, and
                // a node in two such groups breaks Services of type LoadBalancer ("Multiple tagged security groups").
                // An existing cluster's group is not ours to tag: its EC2NodeClasses select it by id.
                _ = new Ec2Tag(program, Child("karpenter-cluster-security-group-discovery-tag"), new Ec2TagArgs
                {
                    ResourceId = createdCluster.Resource.EksClusterSecurityGroupId,
                    Key = WellKnownKeys.KarpenterDiscoveryTag,
                    Value = options.Cluster.Name,
                });
            }
            _ = new Karpenter(program, Child("karpenter"), Cluster, karpenterOptions, taggedKarpenterPools, options.DevicePlugin.Profiles, Child("pod-identity-agent"));
        }

        ClusterName = Cluster.ClusterName;
        Kubeconfig = Cluster.Kubeconfig;
        GpuCapacity = Gpu.GpuCapacity.Summarize(options.GpuPools, options.DevicePlugin.Profiles);
    }

    /// <summary>The network; null when the platform joins an existing cluster, whose network it leaves alone.</summary>
    public Network? Network { get; }

    /// <summary>
    /// The cluster, created (<see cref="Aws.Cluster"/>) or existing (<see cref="Aws.ExistingCluster"/>): more pools or components
    /// can join it (e.g. <c>new GpuNodePool(program, name, platform.Cluster, pool, profile)</c>).
    /// </summary>
    public GpuCluster Cluster { get; }

    /// <summary>The EKS cluster's name, as the deployed cluster reports it.</summary>
    public Output<string> ClusterName { get; }

    /// <summary>The cluster's kubeconfig (JSON); a secret, as it grants access.</summary>
    public Output<string> Kubeconfig { get; }

    /// <summary>Physical GPUs and advertised slices of each pool, keyed by pool name.</summary>
    public IReadOnlyDictionary<string, GpuCapacity> GpuCapacity { get; }

    /// <summary>Advice about a valid setup that still behaves badly (<see cref="KarpenterWarnings"/>), each naming its options field.</summary>
    public IReadOnlyList<ArgsProblem> Warnings { get; }

    // The platform's tags join each pool's; validation refuses a pool tag that collides with them.
    private static GpuPoolOptions WithTags(GpuPoolOptions pool, IReadOnlyDictionary<string, string> tags) =>
        pool with { Tags = ResourceTags.Merge(pool.Tags.Concat(tags).ToDictionary()) };
}
