using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Karpenter;
using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>
/// Karpenter (v1 API) for the GPU pools that opt in: node and controller IAM, the interruption queue
/// with its EventBridge rules, the controller's Helm release on the system nodes, and per pool an
/// EC2NodeClass, a NodePool and the NodeOverlays of the pool's time-slicing mode.
/// </summary>
public sealed class Karpenter
{
    /// <summary>OCI reference of the chart.</summary>
    public const string ChartReference = "oci://public.ecr.aws/karpenter/karpenter";

    /// <summary>
    /// The chart holding only Karpenter's CRDs. Helm installs a chart's <c>crds/</c> once and never upgrades
    /// them, so the CRDs get a release of their own, upgraded with the controller (Karpenter's upgrade guide).
    /// </summary>
    public const string CrdChartReference = "oci://public.ecr.aws/karpenter/karpenter-crd";

    /// <summary>IRSA annotation on the service account.</summary>
    public const string RoleArnAnnotation = "eks.amazonaws.com/role-arn";

    /// <summary>
    /// Adds the IAM (<c>{name}-node-role</c>, <c>{name}-node-access-entry</c>, <c>{name}-controller-role</c>,
    /// <c>{name}-controller-*</c>, <c>{podIdentityAgentName}</c>, <c>{name}-pod-identity</c>), the interruption
    /// queue and rules (<c>{name}-interruption-*</c>), the CRD release (<c>{name}-crd</c>), the controller release (<c>{name}-release</c>) and per pool
    /// <c>{name}-nodeclass-{pool}</c>, <c>{name}-nodepool-{pool}</c> and <c>{name}-overlay-{pool}-gpus-{n}</c>.
    /// </summary>
    /// <param name="program">The program to add to.</param>
    /// <param name="name">The logical name prefix.</param>
    /// <param name="cluster">The cluster Karpenter serves.</param>
    /// <param name="systemNodeGroup">The node group the controller runs on (<see cref="Cluster.AddSystemNodeGroup"/>).</param>
    /// <param name="kubernetesProvider">The cluster's Kubernetes provider (<see cref="Cluster.AddKubernetesProvider"/>).</param>
    /// <param name="options">What the user chose for the controller.</param>
    /// <param name="pools">
    /// The GPU pools Karpenter provisions, each with <see cref="GpuPoolOptions.Karpenter"/> settings. Given here,
    /// not added later, because the controller's NodeOverlay feature gate depends on their modes.
    /// </param>
    /// <param name="profiles">The sharing profiles the pools name.</param>
    /// <param name="podIdentityAgentName">
    /// Logical name of the EKS Pod Identity Agent add-on (with <see cref="KarpenterIdentity.PodIdentity"/>): one
    /// per cluster, so its owner names it.
    /// </param>
    public Karpenter(PulumiProgram program, string name, Cluster cluster, Resource systemNodeGroup, Resource kubernetesProvider,
        KarpenterOptions options, IReadOnlyList<GpuPoolOptions> pools, IReadOnlyList<SharingProfileOptions> profiles, string podIdentityAgentName)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(systemNodeGroup);
        ArgumentNullException.ThrowIfNull(kubernetesProvider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgsValidationException.ThrowIfAny(nameof(KarpenterOptions), options.Validate());
        var byName = profiles.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var designs = pools.Select(pool => (Pool: pool,
            Settings: pool.Karpenter ?? throw new ArgumentException($"Pool '{pool.Name}' has no Karpenter settings.", nameof(pools)),
            Profile: byName.GetValueOrDefault(pool.Profile) ?? throw new ArgumentException($"Pool '{pool.Name}' names profile '{pool.Profile}', which is not among the profiles.", nameof(profiles))))
            .ToList();
        using var component = program.BeginComponent(nameof(Karpenter), name);
        var clusterName = cluster.Name;

        Interruption = new KarpenterInterruption(program, $"{name}-interruption", clusterName, options.Tags);
        Iam = new KarpenterIam(program, name, options, cluster, Interruption.Queue.Arn, podIdentityAgentName);

        // Both releases: pinned, atomic, their fixed Helm names reused by a replacement (so delete first).
        HelmReleaseArgs Pinned(string releaseName, string chart, int timeoutSeconds, object values) => new()
        {
            Name = releaseName,
            Chart = chart,
            Version = options.ChartVersion,
            Namespace = options.Namespace,
            Atomic = true,
            CleanupOnFail = true,
            Timeout = timeoutSeconds,
            MaxHistory = 10,
            Values = values,
        };

        CrdRelease = new HelmRelease(program, $"{name}-crd", Pinned("karpenter-crd", CrdChartReference, 300, new Dictionary<string, string>()),
            new ResourceOptions { Provider = kubernetesProvider, DeleteBeforeReplace = true });

        // Suffixed rather than the bare prefix: a stack config key can take a bare component name (see StackConfigNames).
        Release = new HelmRelease(program, $"{name}-release", Pinned("karpenter", ChartReference, 600, new KarpenterChartValues
            {
                Settings = new KarpenterSettingsValues
                {
                    ClusterName = clusterName,
                    InterruptionQueue = Interruption.Queue.QueueName,
                    FeatureGates = new KarpenterFeatureGateValues(designs.Any(d => d.Settings.Mode != KarpenterMode.Plain)),
                },
                Replicas = options.Replicas,
                NodeSelector = new SortedDictionary<string, string>(StringComparer.Ordinal) { [WellKnownKeys.NodeRoleLabel] = "system" },
                ServiceAccount = new KarpenterServiceAccountValues
                {
                    Name = KarpenterOptions.ServiceAccountName,
                    Annotations = options.Identity == KarpenterIdentity.Irsa
                        ? InputMap<string>.Of([KeyValuePair.Create(RoleArnAnnotation, (Input<string>)Iam.ControllerRole.Arn)])
                        : null,
                },
            }) with { SkipCrds = true }, new ResourceOptions
        {
            Provider = kubernetesProvider,
            // Without credentials, a queue and somewhere to run, the controller crash-loops and the atomic release rolls back.
            DependsOn = [CrdRelease, Iam.ControllerRole, .. Iam.Grants, Interruption.Queue, Interruption.QueuePolicy, Iam.NodeAccessEntry, systemNodeGroup],
            // The release name is fixed and the chart names cluster-wide objects after it.
            DeleteBeforeReplace = true,
        });

        foreach (var (pool, settings, profile) in designs)
        {
            AddPool(program, name, options, clusterName, pool, settings, profile, kubernetesProvider);
        }
    }

    /// <summary>The node and controller IAM.</summary>
    internal KarpenterIam Iam { get; }

    /// <summary>The interruption queue and rules.</summary>
    internal KarpenterInterruption Interruption { get; }

    /// <summary>The Helm release of Karpenter's CRDs (<c>karpenter-crd</c>), installed before the controller.</summary>
    internal HelmRelease CrdRelease { get; }

    /// <summary>The controller's Helm release.</summary>
    internal HelmRelease Release { get; }

    private void AddPool(PulumiProgram program, string name, KarpenterOptions options, string clusterName, GpuPoolOptions pool, KarpenterPoolOptions settings, SharingProfileOptions profile, Resource provider)
    {
        // The CRDs come with the chart: every object waits for the release. Objects have fixed
        // names, so a replacement deletes the old object before creating the new one.
        var afterRelease = new ResourceOptions { Provider = provider, DependsOn = [Release], DeleteBeforeReplace = true };
        var discovery = new Dictionary<string, string> { [WellKnownKeys.KarpenterDiscoveryTag] = clusterName };
        var nodeClass = new CustomResource(program, $"{name}-nodeclass-{pool.Name}", new CustomResourceArgs
        {
            ApiVersion = KarpenterApi.NodeClassApiVersion,
            Kind = KarpenterApi.NodeClassKind,
            Metadata = new ObjectMeta { Name = pool.Name },
            Spec = new Ec2NodeClassSpec
            {
                Role = Iam.NodeRole.RoleName,
                AmiSelectorTerms = [new AmiSelectorTerm(options.AmiAlias)],
                SubnetSelectorTerms = [new TagSelectorTerm(discovery)],
                SecurityGroupSelectorTerms = [new TagSelectorTerm(discovery)],
                // IMDSv2 only, one hop: pods get credentials from Pod Identity, never the node's role (CKV_AWS_79, CKV_AWS_341).
                MetadataOptions = new Ec2NodeClassMetadataOptions("enabled", "disabled", 1, "required"),
                BlockDeviceMappings = [new Ec2NodeClassBlockDeviceMapping("/dev/xvda",
                    new Ec2NodeClassEbs($"{pool.DiskSizeGiB}Gi", "gp3", Encrypted: true, DeleteOnTermination: true), RootVolume: true)],
                Tags = ResourceTags.Merge(options.Tags, [.. pool.Tags.Select(t => (t.Key, t.Value)), (WellKnownKeys.PoolLabel, pool.Name)]),
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
        }, afterRelease with { DependsOn = [Release, nodeClass] });

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
