using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Karpenter;
using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>
/// A GPU pool's Karpenter objects: its EC2NodeClass, NodePool and the NodeOverlays of its mode, whether this program
/// installs the controller (<see cref="Karpenter"/>) or one already runs (<see cref="ExistingKarpenterPools"/>).
/// </summary>
internal static class KarpenterPoolObjects
{
    /// <summary>Each pool with its Karpenter settings and the profile it names.</summary>
    public static List<(GpuPoolOptions Pool, KarpenterPoolOptions Settings, SharingProfileOptions Profile)> Designs(
        IReadOnlyList<GpuPoolOptions> pools, IReadOnlyList<SharingProfileOptions> profiles)
    {
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(profiles);
        var byName = profiles.ToDictionary(p => p.Name, StringComparer.Ordinal);
        return [.. pools.Select(pool => (Pool: pool,
            Settings: pool.Karpenter ?? throw new ArgumentException($"Pool '{pool.Name}' has no Karpenter settings.", nameof(pools)),
            Profile: byName.GetValueOrDefault(pool.Profile) ?? throw new ArgumentException($"Pool '{pool.Name}' names profile '{pool.Profile}', which is not among the profiles.", nameof(profiles))))];
    }

    /// <summary>Adds <c>{name}-nodeclass-{pool}</c>, <c>{name}-nodepool-{pool}</c> and <c>{name}-overlay-{pool}-gpus-{n}</c>.</summary>
    /// <remarks><paramref name="prerequisites"/>: what installs the CRDs (the controller's release); empty when they are already installed.</remarks>
    public static void Add(PulumiProgram program, string name, GpuCluster cluster, Input<string> nodeRoleName, string amiAlias,
        IReadOnlyDictionary<string, string> tags, GpuPoolOptions pool, KarpenterPoolOptions settings, SharingProfileOptions profile,
        IReadOnlyList<Resource> prerequisites)
    {
        // Objects have fixed names, so a replacement deletes the old object before creating the new one.
        var afterRelease = new ResourceOptions { Provider = cluster.KubernetesProvider, DependsOn = prerequisites, DeleteBeforeReplace = true };
        var (subnets, securityGroups) = cluster.KarpenterNodeNetwork;
        var nodeClass = new CustomResource(program, $"{name}-nodeclass-{pool.Name}", new CustomResourceArgs
        {
            ApiVersion = KarpenterApi.NodeClassApiVersion,
            Kind = KarpenterApi.NodeClassKind,
            Metadata = new ObjectMeta { Name = pool.Name },
            Spec = new Ec2NodeClassSpec
            {
                Role = nodeRoleName,
                AmiSelectorTerms = [new AmiSelectorTerm(amiAlias)],
                SubnetSelectorTerms = subnets,
                SecurityGroupSelectorTerms = securityGroups,
                // IMDSv2 only, one hop: pods get credentials from Pod Identity, never the node's role (CKV_AWS_79, CKV_AWS_341).
                MetadataOptions = new Ec2NodeClassMetadataOptions("enabled", "disabled", 1, "required"),
                BlockDeviceMappings = [new Ec2NodeClassBlockDeviceMapping("/dev/xvda",
                    new Ec2NodeClassEbs($"{pool.DiskSizeGiB}Gi", "gp3", Encrypted: true, DeleteOnTermination: true), RootVolume: true)],
                Tags = ResourceTags.Merge(tags, [.. pool.Tags.Select(t => (t.Key, t.Value)), (WellKnownKeys.PoolLabel, pool.Name)]),
                // A MIG profile's layout is applied at boot; a change of it drifts the nodes, which Karpenter replaces.
                UserData = MigPartitioning.UserData(pool, profile),
            },
        }, afterRelease);

        _ = new CustomResource(program, $"{name}-nodepool-{pool.Name}", new CustomResourceArgs
        {
            ApiVersion = KarpenterApi.NodePoolApiVersion,
            Kind = KarpenterApi.NodePoolKind,
            Metadata = new ObjectMeta { Name = pool.Name },
            Spec = new NodePoolSpec
            {
                Template = new NodeClaimTemplate(
                    new NodeClaimTemplateMetadata(KarpenterPoolDesign.Labels(pool)),
                    new NodeClaimTemplateSpec
                    {
                        NodeClassRef = new NodeClassReference(KarpenterApi.NodeClassGroup, KarpenterApi.NodeClassKind, pool.Name),
                        Requirements = KarpenterPoolDesign.Requirements(pool),
                        Taints = KarpenterPoolDesign.Taints(pool),
                        ExpireAfter = GoDuration.Format(settings.ExpireAfter),
                    }),
                Limits = KarpenterPoolDesign.Limits(pool, profile),
                Disruption = new NodePoolDisruption(settings.ConsolidationPolicy.ToString(),
                    settings.NeverConsolidates ? "Never" : GoDuration.Format(settings.ConsolidateAfter),
                    [new DisruptionBudget(settings.DisruptionBudget)]),
            },
        }, afterRelease with { DependsOn = [.. prerequisites, nodeClass] });

        foreach (var (gpuCount, capacity) in KarpenterPoolDesign.Overlays(pool, profile))
        {
            _ = new CustomResource(program, $"{name}-overlay-{pool.Name}-gpus-{gpuCount}", new CustomResourceArgs
            {
                ApiVersion = KarpenterApi.NodeOverlayApiVersion,
                Kind = KarpenterApi.NodeOverlayKind,
                Metadata = new ObjectMeta { Name = $"{pool.Name}-gpus-{gpuCount}" },
                Spec = new NodeOverlaySpec
                {
                    Requirements = KarpenterPoolDesign.OverlayRequirements(pool.Name, gpuCount),
                    Capacity = capacity,
                },
            }, afterRelease);
        }
    }
}
