using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Cost;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Platform;
using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Stacks.Review.Plan;

/// <summary>
/// Computes a stack's plan: physical GPUs = Σ nodes × GPUs per node; slices = GPUs × replicas;
/// cost = Σ nodes × hourly price (+ control plane, NAT gateways, system nodes); monthly = hourly × 730.
/// </summary>
public static class PlanBuilder
{
    /// <summary>The plan of validated settings and the program compiled from them.</summary>
    /// <param name="settings">Validated stack settings.</param>
    /// <param name="program">The compiled program.</param>
    /// <param name="prices">Instance prices.</param>
    /// <param name="today">The day (UTC) the plan is for: the Kubernetes support phase, and so the control-plane price, depend on it.</param>
    /// <param name="warningRules">The warning rules; default: <see cref="PlanWarningRules.Default"/>.</param>
    public static StackPlan Build(StackSettings settings, ProgramSnapshot program, IPriceSource prices, DateOnly today, IEnumerable<IPlanWarningRule>? warningRules = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(prices);
        var platform = settings.Platform;
        var profiles = platform.DevicePlugin.Profiles.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var pools = platform.GpuPools.Select(p => Pool(p, profiles[p.Profile], prices)).ToList();
        var fixedCosts = FixedCosts(platform, prices, today);

        var poolsAtDesired = Amounts.Sum(pools.Select(p => p.AtDesired));
        var withoutSharing = Amounts.Sum(pools.Select(p => p.WithoutSharing.Cost));
        var totals = new PlanTotals(
            Sum(pools.Select(p => p.PhysicalGpus)),
            Sum(pools.Select(p => p.AdvertisedSlices)),
            poolsAtDesired,
            Amounts.Sum(pools.Select(p => p.AtDesired).Concat(fixedCosts.Select(c => c.AtDesired))),
            Amounts.Sum(pools.Select(p => p.AtMax).Concat(fixedCosts.Select(c => c.AtMax))),
            withoutSharing,
            Amounts.Of(pools.Sum(p => p.WithoutSharing.Saved.Hourly)));

        var warnings = PlanWarningRules.Run(new PlanContext(settings, program, pools, prices, today), warningRules);
        IReadOnlyList<string> notes = platform.Karpenter.Enabled ? [.. Notes, KarpenterNote] : Notes;
        return new StackPlan(StackPlan.CurrentSchemaVersion, settings.StackName, platform.Environment, settings.Region,
            ComponentGrouping.Group(program, settings), pools, fixedCosts, totals, warnings, notes);
    }

    /// <summary>How to read the numbers; shown under the tables and in JSON.</summary>
    public static IReadOnlyList<string> Notes { get; } =
    [
        "Time-slicing does not partition GPU memory: every slice sees all of the GPU's memory; GiB/slice (GPU memory ÷ replicas) is a nominal fair share, not a limit.",
        "Prices: us-east-1 on-demand list prices unless overridden by the prices setting; NAT data processing and EBS are not included.",
        "Monthly = hourly × 730. Without sharing: each slice as one whole GPU at the pool's first type's price per GPU, at desired size (at the node limit for a Karpenter-only pool, which is empty at rest).",
    ];

    /// <summary>Added to <see cref="Notes"/> when Karpenter is on.</summary>
    public const string KarpenterNote =
        "Karpenter pools start empty and add nodes only for pending pods: desired counts them as 0, max as their node limit (limits.nodes), priced at the pool's first instance type. " +
        "The Karpenter controller runs on the system nodes (no cost line); its SQS interruption queue and EventBridge rules cost cents a month and are not counted.";

    /// <summary>
    /// One pool. The cost model takes node counts, so every provisioner is priced the same way: a managed
    /// node group at its min / desired / max; a Karpenter NodePool at 0 / 0 / its node limit (it starts
    /// empty and adds nodes only for pending pods); <c>both</c> as the node group plus the Karpenter headroom
    /// at max. Karpenter nodes are priced at the pool's first instance type, like the node group's: it is
    /// the type the pool is designed around and, in the shipped stacks, the cheapest allowed one (Karpenter
    /// launches the cheapest allowed type that fits the pending pods, so larger pods can cost more per node).
    /// </summary>
    public static PoolPlan Pool(GpuPoolOptions pool, SharingProfileOptions profile, IPriceSource prices)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(prices);
        var capacity = GpuCapacity.Of(pool, profile);
        var priced = pool.InstanceTypes[0];
        var type = GpuInstanceCatalog.Find(priced);
        var price = prices.HourlyUsd(priced);
        var groupNodes = pool.ManagedNodeGroup is { } group ? new NodeCounts(group.MinSize, group.DesiredSize, group.MaxSize) : null;
        var karpenterNodes = pool.UsesKarpenter ? pool.EffectiveKarpenterMaxNodes : 0;
        var nodes = new NodeCounts(groupNodes?.Min ?? 0, groupNodes?.Desired ?? 0, (groupNodes?.Max ?? 0) + karpenterNodes);
        var cost = new NodeGroupCost(price, nodes);
        var slices = capacity.AdvertisedSlices;
        var gpuMemory = type?.GpuMemoryGiB ?? 0;

        var perGpu = type is null || type.GpuCount == 0 ? 0m : (cost.UsdPerNodeHour ?? 0m) / type.GpuCount;
        // A Karpenter-only pool has nothing at desired size: it is compared at its node limit, where its slices are.
        var atMax = groupNodes is null;
        var compared = atMax ? slices.Max : slices.Desired;
        var unsharedHourly = perGpu * compared;
        var unshared = new UnsharedComparison(atMax ? "max" : "desired", compared, compared, Amounts.Normalize(perGpu),
            Amounts.Of(unsharedHourly), Amounts.Of(unsharedHourly - (atMax ? cost.HourlyAtMax : cost.HourlyAtDesired)));

        KarpenterHeadroom? karpenter = null;
        if (pool.Karpenter is { } settings)
        {
            var gpus = karpenterNodes * capacity.GpusPerNode;
            karpenter = new KarpenterHeadroom(ModeName(settings.Mode), KarpenterPoolDesign.PodResource(pool, profile), karpenterNodes,
                gpus, gpus * capacity.SlicesPerGpu, Amounts.Of((price ?? 0m) * karpenterNodes));
        }

        return new PoolPlan(
            pool.Name, ProvisionerName(pool), karpenter?.Mode, pool.InstanceTypes, priced,
            pool.CapacityType == CapacityType.Spot ? "spot" : "onDemand",
            profile.Name, StrategyName(profile.Strategy), profile.ResourceName,
            type?.GpuModel ?? "unknown", gpuMemory,
            nodes, capacity.GpusPerNode, capacity.PhysicalGpus, capacity.SlicesPerGpu, slices,
            Amounts.Normalize((decimal)gpuMemory / capacity.SlicesPerGpu),
            cost.UsdPerNodeHour,
            Amounts.Of(cost.HourlyAtDesired), Amounts.Of(cost.HourlyAtMax),
            slices.Desired == 0 ? null : Amounts.Normalize(cost.HourlyAtDesired / slices.Desired),
            unshared, groupNodes, karpenter);
    }

    /// <summary>The provisioner as the stack file spells it.</summary>
    public static string ProvisionerName(GpuPoolOptions pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return !pool.UsesKarpenter ? "managedNodeGroup" : pool.UsesManagedNodeGroup ? "both" : "karpenter";
    }

    /// <summary>The Karpenter mode as the stack file spells it.</summary>
    public static string ModeName(KarpenterMode mode) => mode switch
    {
        KarpenterMode.Plain => "plain",
        KarpenterMode.OverlayOverride => "overlay-override",
        _ => "overlay-shared",
    };

    private static List<CostLine> FixedCosts(GpuSlicingPlatformOptions platform, IPriceSource prices, DateOnly today)
    {
        // Validated settings always name a version of the calendar.
        var version = KubernetesVersions.Find(platform.Cluster.KubernetesVersion)!;
        var controlPlane = version.ControlPlaneHourlyUsdOn(today);
        var lines = new List<CostLine>
        {
            new("eksControlPlane", $"1 cluster, Kubernetes {version.Version} ({SupportText(version, today)})", controlPlane,
                Amounts.Of(controlPlane), Amounts.Of(controlPlane)),
        };
        // An existing VPC's NAT gateways belong to (and are paid by) whoever owns the VPC.
        var natCount = platform.Network.UsesExistingVpc ? 0
            : platform.Network.NatGateways == NatGatewayStrategy.SingleGateway ? 1
            : platform.Network.AvailabilityZoneCount;
        var natDetail = platform.Network.UsesExistingVpc ? "existing VPC (not counted)" : $"{natCount} × NAT gateway";
        lines.Add(new("natGateways", natDetail, HourlyRates.NatGatewayUsd,
            Amounts.Of(natCount * HourlyRates.NatGatewayUsd), Amounts.Of(natCount * HourlyRates.NatGatewayUsd)));

        var cluster = platform.Cluster;
        var system = new NodeGroupCost(prices.HourlyUsd(cluster.SystemInstanceType),
            new NodeCounts(cluster.SystemMinSize, cluster.SystemDesiredSize, cluster.SystemMaxSize));
        lines.Add(new("systemNodes", $"{cluster.SystemDesiredSize} (max {cluster.SystemMaxSize}) × {cluster.SystemInstanceType}",
            system.UsdPerNodeHour, Amounts.Of(system.HourlyAtDesired), Amounts.Of(system.HourlyAtMax)));
        return lines;
    }

    private static NodeCounts Sum(IEnumerable<NodeCounts> counts)
    {
        var list = counts.ToList();
        return new NodeCounts(list.Sum(c => c.Min), list.Sum(c => c.Desired), list.Sum(c => c.Max));
    }

    private static string StrategyName(SharingStrategy strategy) => strategy switch
    {
        SharingStrategy.TimeSlicing => "timeSlicing",
        SharingStrategy.Mps => "mps",
        _ => "none",
    };

    /// <summary>The support phase of <paramref name="version"/> on <paramref name="today"/>, in words.</summary>
    public static string SupportText(KubernetesVersionSupport version, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.PhaseOn(today) switch
        {
            KubernetesSupportPhase.Standard => $"standard support until {version.EndOfStandardSupport:yyyy-MM-dd}",
            KubernetesSupportPhase.Extended => $"extended support until {version.EndOfExtendedSupport:yyyy-MM-dd}",
            _ => $"support ended {version.EndOfExtendedSupport:yyyy-MM-dd}",
        };
    }
}
