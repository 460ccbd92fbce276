using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Program;
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
    /// <param name="cluster">
    /// The cluster Karpenter serves, deployed to through its Kubernetes provider. On a created <see cref="Cluster"/> the
    /// controller runs on its system node group, which must be added first; on an <see cref="ExistingCluster"/> it goes
    /// where the chart puts it, and the cluster's Pod Identity Agent add-on is assumed installed.
    /// </param>
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
    public Karpenter(PulumiProgram program, string name, GpuCluster cluster,
        KarpenterOptions options, IReadOnlyList<GpuPoolOptions> pools, IReadOnlyList<SharingProfileOptions> profiles, string podIdentityAgentName)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgsValidationException.ThrowIfAny(nameof(KarpenterOptions), options.Validate());
        var designs = KarpenterPoolObjects.Designs(pools, profiles);
        if (options.Existing)
        {
            throw new ArgsValidationException(nameof(KarpenterOptions), [new(nameof(KarpenterOptions.Existing),
                "an existing Karpenter gets only its pools' objects: use ExistingKarpenterPools.")]);
        }
        var kubernetesProvider = cluster.KubernetesProvider;
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
                NodeSelector = cluster.ControllerNodeSelector,
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
            DependsOn = [CrdRelease, Iam.ControllerRole, .. Iam.Grants, Interruption.Queue, Interruption.QueuePolicy, Iam.NodeAccessEntry, .. cluster.ControllerPrerequisites],
            // The release name is fixed and the chart names cluster-wide objects after it.
            DeleteBeforeReplace = true,
        });

        foreach (var (pool, settings, profile) in designs)
        {
            // The CRDs come with the chart: every object waits for the release.
            KarpenterPoolObjects.Add(program, name, cluster, Iam.NodeRole.RoleName, options.AmiAlias, options.Tags, pool, settings, profile, [Release]);
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
}
