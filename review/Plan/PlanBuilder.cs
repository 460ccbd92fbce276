using System.Text.Json.Nodes;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Review.Cost;

namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// Computes a program's plan: physical GPUs = Σ nodes × GPUs per node; slices = GPUs × replicas;
/// cost = Σ nodes × hourly price (+ control plane, NAT gateways, system nodes); monthly = hourly × 730.
/// Pools, sharing and fixed costs all come from the program (<see cref="ProgramPool"/>); the context adds
/// only what a program cannot say (stack name, environment, price overrides, config keys, extra warnings).
/// </summary>
public static class PlanBuilder
{
    /// <summary>The plan of a program.</summary>
    /// <param name="program">The program under review.</param>
    /// <param name="context">What the program cannot tell; <see cref="ReviewContext.None"/> for a bare program.</param>
    /// <param name="today">The day (UTC) the plan is for: the Kubernetes support phase, and so the control-plane price, depend on it.</param>
    /// <param name="prices">Instance prices; default: the list prices with the context's <see cref="ReviewContext.PriceOverrides"/>.</param>
    public static StackPlan Build(ProgramSnapshot program, ReviewContext context, DateOnly today, IPriceSource? prices = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(context);
        prices ??= new CatalogPriceSource(context.PriceOverrides, context.InstanceCatalog);
        var pools = Pools(program, context.InstanceCatalog, prices);
        var fixedCosts = FixedCosts(program, prices, today);

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

        var warnings = PlanWarningRules.Run(new PlanContext(program, context, pools, prices, today), [.. PlanWarningRules.Default, .. context.ExtraWarningRules]);
        var existingCluster = ExistingClusterPlan.Of(program);
        IReadOnlyList<string> notes =
        [
            .. Notes,
            .. pools.Any(p => p.Strategy == "mps") ? [MpsNote] : Array.Empty<string>(),
            .. pools.Any(p => p.Strategy == "mig") ? [MigNote] : Array.Empty<string>(),
            .. HasKarpenter(program) ? [KarpenterNote] : Array.Empty<string>(),
            // On an existing cluster the controller runs where that cluster puts it, or is not ours at all.
            .. HasKarpenter(program) && existingCluster is null ? [KarpenterControllerNote] : Array.Empty<string>(),
        ];
        return new StackPlan(StackPlan.CurrentSchemaVersion, context.StackName ?? program.Source, context.Environment ?? "not set", context.Region,
            ComponentGrouping.Group(program), pools, fixedCosts, totals, warnings, notes)
        {
            ExistingCluster = existingCluster,
            Tenants = TenantPlans.Of(program, pools),
        };
    }

    /// <summary>Every GPU pool of the program as the plan sees it, priced by <paramref name="prices"/>.</summary>
    internal static List<PoolPlan> Pools(ProgramSnapshot program, GpuInstanceCatalog catalog, IPriceSource prices) =>
        [.. ProgramPool.All(program, prices, catalog).Select(p => Pool(p, prices, catalog))];

    /// <summary>How to read the numbers; shown under the tables and in JSON.</summary>
    public static IReadOnlyList<string> Notes { get; } =
    [
        "Time-slicing does not partition GPU memory: every slice sees all of the GPU's memory; GiB/slice (GPU memory ÷ replicas) is a nominal fair share, not a limit. " +
        "Nor compute: R busy pods each get 1/R of the GPU and a step takes about R× as long; a pool declared latency-sensitive (gpuPools.<name>.latencySensitive, node label gpu-slicing-infra/latency-sensitive) is told when MPS or MIG fits it better.",
        "Prices: us-east-1 on-demand list prices unless overridden by the prices setting; NAT data processing and EBS are not included.",
        "Monthly = hourly × 730. Without sharing: each slice as one whole GPU at the pool's first type's price per GPU, at desired size (at the node limit for a Karpenter-only pool, which is empty at rest).",
    ];

    /// <summary>Added to <see cref="Notes"/> when a pool uses MPS: unlike time-slicing, its share is enforced.</summary>
    public const string MpsNote =
        "MPS pools: each client (pod) is limited to 1/replicas of the GPU's memory and compute, so GiB/slice is a limit there, not a fair share; the plugin rejects pods asking for more than one slice unless failRequestsGreaterThanOne is false.";

    /// <summary>Added to <see cref="Notes"/> when a pool uses MIG.</summary>
    public const string MigNote =
        "MIG pools: each GPU is partitioned at boot into isolated devices (own memory and compute); Replicas counts MIG devices per GPU × time-slices per device, and GiB/slice is nominal (devices differ in size under a mixed layout).";

    /// <summary>Added to <see cref="Notes"/> when Karpenter is on.</summary>
    public const string KarpenterNote =
        "Karpenter pools start empty and add nodes only for pending pods: desired counts them as 0, max as their node limit (limits.nodes), priced at the cheapest instance type the NodePool allows (what Karpenter launches).";

    /// <summary>Added to <see cref="Notes"/> when this program's cluster runs the Karpenter it installs.</summary>
    public const string KarpenterControllerNote =
        "The Karpenter controller runs on the system nodes (no cost line); its SQS interruption queue and EventBridge rules cost cents a month and are not counted.";

    /// <summary>
    /// One pool. The cost model takes node counts, so every provisioner is priced the same way: a managed
    /// node group at its min / desired / max; a Karpenter NodePool at 0 / 0 / its node limit (it starts
    /// empty and adds nodes only for pending pods); <c>both</c> as the node group plus the Karpenter headroom
    /// at max. Node group nodes are priced at the group's first type (on-demand node groups launch types in
    /// list order); Karpenter nodes at the cheapest type the NodePool allows, which is what Karpenter launches
    /// for pods that fit it (larger pods can cost more per node).
    /// </summary>
    internal static PoolPlan Pool(ProgramPool pool, IPriceSource prices, GpuInstanceCatalog catalog)
    {
        var profile = pool.Profile;
        var types = pool.InstanceTypes;
        var priced = types.Count > 0 ? types[0] : "unknown";
        var type = catalog.Find(priced);
        var price = prices.HourlyUsd(priced);
        var groupNodes = pool.Group?.Nodes;
        var karpenterNodes = pool.Karpenter?.MaxNodes ?? 0;
        var nodes = new NodeCounts(groupNodes?.Min ?? 0, groupNodes?.Desired ?? 0, (groupNodes?.Max ?? 0) + karpenterNodes);
        var cost = new NodeGroupCost(price, nodes);
        var karpenterPrice = pool.Karpenter is { AllowedTypes: [var cheapest, ..] } ? prices.HourlyUsd(cheapest) : price;
        // The node group's nodes at its price, the Karpenter headroom at the cheapest type the NodePool allows.
        var hourlyAtMax = (price ?? 0m) * (groupNodes?.Max ?? 0) + (karpenterPrice ?? 0m) * karpenterNodes;
        // Types outside the catalog (a program reviewed without its stack's instanceCatalog) have no known GPU count and are left out.
        var gpusPerNode = types.Select(catalog.Find).OfType<GpuInstanceType>().Select(t => t.GpuCount).DefaultIfEmpty(0).Min();
        var physical = new NodeCounts(nodes.Min * gpusPerNode, nodes.Desired * gpusPerNode, nodes.Max * gpusPerNode);
        var migDevicesPerGpu = pool.MigDevices.Values.Sum();
        var slicesPerGpu = profile.SlicesPerGpu(migDevicesPerGpu);
        var slices = new NodeCounts(physical.Min * slicesPerGpu, physical.Desired * slicesPerGpu, physical.Max * slicesPerGpu);
        var gpuMemory = type?.GpuMemoryGiB ?? 0;

        var perGpu = type is null || type.GpuCount == 0 ? 0m : (cost.UsdPerNodeHour ?? 0m) / type.GpuCount;
        // A Karpenter-only pool has nothing at desired size: it is compared at its node limit, where its slices are.
        var atMax = groupNodes is null;
        var compared = atMax ? slices.Max : slices.Desired;
        var unsharedHourly = perGpu * compared;
        var unshared = new UnsharedComparison(atMax ? "max" : "desired", compared, compared, Amounts.Normalize(perGpu),
            Amounts.Of(unsharedHourly), Amounts.Of(unsharedHourly - (atMax ? hourlyAtMax : cost.HourlyAtDesired)));

        KarpenterHeadroom? karpenter = null;
        if (pool.Karpenter is { } nodePool)
        {
            var gpus = karpenterNodes * gpusPerNode;
            karpenter = new KarpenterHeadroom(nodePool.Mode, nodePool.PodResource, karpenterNodes,
                gpus, gpus * slicesPerGpu, Amounts.Of((karpenterPrice ?? 0m) * karpenterNodes));
        }
        var provisioner = pool.Group is null ? "karpenter" : pool.Karpenter is null ? "managedNodeGroup" : "both";

        return new PoolPlan(
            pool.Name, provisioner, karpenter?.Mode, types, priced, pool.CapacityType,
            profile.Name, profile.Strategy, profile.ResourceName,
            type?.GpuModel ?? "unknown", gpuMemory,
            nodes, gpusPerNode, physical, slicesPerGpu, slices,
            Amounts.Normalize((decimal)gpuMemory / slicesPerGpu),
            cost.UsdPerNodeHour,
            Amounts.Of(cost.HourlyAtDesired), Amounts.Of(hourlyAtMax),
            slices.Desired == 0 ? null : Amounts.Normalize(cost.HourlyAtDesired / slices.Desired),
            unshared, groupNodes, karpenter, new SortedDictionary<string, int>(pool.MigDevices.ToDictionary(), StringComparer.Ordinal))
        {
            SlicesPerNode = gpusPerNode * slicesPerGpu,
            MaxPodsPerNode = type?.MaxPods,
            LatencySensitive = pool.LatencySensitive,
        };
    }

    private static List<CostLine> FixedCosts(ProgramSnapshot program, IPriceSource prices, DateOnly today)
    {
        var lines = new List<CostLine>();
        foreach (var cluster in program.OfType("eks:Cluster"))
        {
            // A version outside the calendar (or none: EKS's default) is priced at the standard rate.
            var text = cluster.Text("version");
            var version = text is null ? null : KubernetesVersions.Find(text);
            var controlPlane = version is null ? HourlyRates.EksControlPlaneUsd : HourlyRates.ControlPlaneOn(version, today);
            var detail = version is null ? $"Kubernetes {text ?? "default"}, not in the support calendar" : $"Kubernetes {version.Version} ({SupportText(version, today)})";
            lines.Add(new("eksControlPlane", $"1 cluster, {detail}", controlPlane, Amounts.Of(controlPlane), Amounts.Of(controlPlane)));
        }
        // An existing VPC's NAT gateways belong to (and are paid by) whoever owns the VPC.
        var vpcs = program.OfType("awsx:ec2:Vpc").ToList();
        var natCount = vpcs.Sum(NatGateways);
        var natDetail = vpcs.Count == 0 ? "existing VPC (not counted)" : $"{natCount} × NAT gateway";
        lines.Add(new("natGateways", natDetail, HourlyRates.NatGatewayUsd,
            Amounts.Of(natCount * HourlyRates.NatGatewayUsd), Amounts.Of(natCount * HourlyRates.NatGatewayUsd)));

        if (SystemNodeGroup(program) is { } group)
        {
            var type = (group.Node("instanceTypes") as JsonArray)?.FirstOrDefault()?.GetValue<string>() ?? "unknown";
            var counts = new NodeCounts(ProgramPool.Count(group.Text("scalingConfig", "minSize")), ProgramPool.Count(group.Text("scalingConfig", "desiredSize")),
                ProgramPool.Count(group.Text("scalingConfig", "maxSize")));
            var system = new NodeGroupCost(prices.HourlyUsd(type), counts);
            lines.Add(new("systemNodes", $"{counts.Desired} (max {counts.Max}) × {type}",
                system.UsdPerNodeHour, Amounts.Of(system.HourlyAtDesired), Amounts.Of(system.HourlyAtMax)));
        }
        return lines;
    }

    /// <summary>The first managed node group that is not a GPU pool: the cluster's system nodes.</summary>
    internal static ProgramResource? SystemNodeGroup(ProgramSnapshot program) =>
        program.OfType("eks:ManagedNodeGroup").FirstOrDefault(g => !ProgramPool.IsGpuNodeGroup(g));

    /// <summary>Whether the program runs Karpenter: a NodePool, or a Karpenter Helm release.</summary>
    internal static bool HasKarpenter(ProgramSnapshot program) => program.Resources.Any(ProgramPool.IsNodePool)
        || program.OfType("kubernetes:helm.sh/v3:Release").Any(r => r.Text("name") == "karpenter" || (r.Text("chart") ?? "").EndsWith("/karpenter", StringComparison.Ordinal));

    // awsx ec2.Vpc: natGateways.strategy Single is one gateway, None none, OnePerAz (its default) one per zone;
    // zones come from numberOfAvailabilityZones or availabilityZoneNames, else awsx's default of 3.
    private static int NatGateways(ProgramResource vpc) => vpc.Text("natGateways", "strategy") switch
    {
        "Single" => 1,
        "None" => 0,
        _ => vpc.Text("numberOfAvailabilityZones") is { } zones ? ProgramPool.Count(zones)
            : (vpc.Node("availabilityZoneNames") as JsonArray)?.Count ?? 3,
    };

    private static NodeCounts Sum(IEnumerable<NodeCounts> counts)
    {
        var list = counts.ToList();
        return new NodeCounts(list.Sum(c => c.Min), list.Sum(c => c.Desired), list.Sum(c => c.Max));
    }

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
