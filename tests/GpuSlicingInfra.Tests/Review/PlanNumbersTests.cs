using System.Text.Json.Nodes;
using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Review;

/// <summary>
/// The plan of the shipped stacks against hand-computed values. When a stack file changes, update its
/// table below (the arithmetic is in the comments): GPUs = Σ nodes × GPUs per instance;
/// slices = GPUs × replicas; $/h = nodes × price; $/month = $/h × 730.
/// </summary>
public sealed class PlanNumbersTests
{
    /// <summary>Expected numbers of one pool at desired (d) and max (m) size; Karpenter headroom when the pool uses Karpenter.</summary>
    public sealed record PoolExpectation(string Pool, string Provisioner, string? Mode, int NodesDesired, int NodesMax, int GpusDesired, int GpusMax, int SlicesDesired, int SlicesMax,
        decimal HourlyDesired, decimal MonthlyDesired, decimal HourlyMax, decimal MonthlyMax, decimal? PerSliceHour, decimal UnsharedHourly, decimal SavedHourly,
        KarpenterExpectation? Karpenter = null);

    /// <summary>What the pool's NodePool adds at most: nodes, GPUs, slices, $/hour.</summary>
    public sealed record KarpenterExpectation(int MaxNodes, int Gpus, int Slices, decimal Hourly, string PodResource);

    /// <summary>Wide enough that every table is drawn as a table, one row per line.</summary>
    private static readonly Dictionary<string, string> Wide = new() { ["COLUMNS"] = "400" };

    /// <summary>Expected stack totals.</summary>
    public sealed record StackExpectation(string Stack, PoolExpectation[] Pools, decimal NatHourly, decimal SystemHourlyDesired,
        decimal TotalHourlyDesired, decimal TotalMonthlyDesired, decimal TotalHourlyMax, decimal TotalMonthlyMax);

    // dev (Pulumi.dev.yaml): pool t4 is Karpenter-only (overlay-shared, karpenterMaxNodes 3; its node group sizes
    // are unused), g4dn.xlarge ($0.526, 1 × T4), ts-10-shared (10 replicas, nvidia.com/gpu.shared), spot priced at list.
    //   nodes 0 / 0 (on demand) / 3;  GPUs 0 / 0 / 3 × 1 = 3;  slices 0 / 0 / 3 × 10 = 30
    //   $/h desired 0 × 0.526 = 0;  max 3 × 0.526 = 1.578 → × 730 = 1151.94;  per slice-hour: none (no slices at desired)
    //   without sharing (Karpenter-only: at its node limit): 30 slices → 30 × 0.526 = 15.78; saved 15.78 − 1.578 = 14.202
    //   Karpenter headroom: 3 nodes, 3 GPUs, 30 slices, 1.578/h
    //   fixed: control plane 0.10; NAT single 1 × 0.045; system 2 × t3.large 0.0832 = 0.1664 (max 3 × 0.0832 = 0.2496)
    //   total desired 0 + 0.10 + 0.045 + 0.1664 = 0.3114/h → × 730 = 227.322
    //   total max     1.578 + 0.10 + 0.045 + 0.2496 = 1.9726/h → × 730 = 1439.998
    private static readonly StackExpectation Dev = new("dev",
        [new("t4", "karpenter", "overlay-shared", 0, 3, 0, 3, 0, 30, 0m, 0m, 1.578m, 1151.94m, null, 15.78m, 14.202m,
            new KarpenterExpectation(3, 3, 30, 1.578m, "nvidia.com/gpu.shared"))],
        NatHourly: 0.045m, SystemHourlyDesired: 0.1664m,
        TotalHourlyDesired: 0.3114m, TotalMonthlyDesired: 227.322m, TotalHourlyMax: 1.9726m, TotalMonthlyMax: 1439.998m);

    // prod (Pulumi.prod.yaml):
    //   inference-t4 = both (node group 2/3/6 + Karpenter overlay-override, karpenterMaxNodes 6), g4dn.xlarge first ($0.526, 1 × T4), ts-4 (4 replicas)
    //     nodes 2 / 3 / 6 + 6 = 12;  GPUs 2 / 3 / 12;  slices 3 × 4 = 12, max 12 × 4 = 48
    //     $/h 3 × 0.526 = 1.578 → 1151.94;  max 12 × 0.526 = 6.312 → 4607.76;  per slice 1.578 / 12 = 0.1315
    //     without sharing 12 × 0.526 = 6.312; saved 6.312 − 1.578 = 4.734
    //     Karpenter headroom: 6 nodes, 6 GPUs, 24 slices, 6 × 0.526 = 3.156/h
    //   training-a10g = g5.2xlarge ($1.212, 1 × A10G), nodes 0/1/4, exclusive (1 per GPU)
    //     GPUs 1, max 4; slices 1, max 4;  $/h 1.212 → 884.76; max 4 × 1.212 = 4.848 → 3539.04; per slice 1.212
    //     without sharing 1 × 1.212 = 1.212; saved 0
    //   fixed: control plane 0.10; NAT onePerAz 3 × 0.045 = 0.135; system 3 × m6i.large 0.096 = 0.288 (max 4 × 0.096 = 0.384)
    //   total desired 1.578 + 1.212 + 0.10 + 0.135 + 0.288 = 3.313/h → × 730 = 2418.49
    //   total max     6.312 + 4.848 + 0.10 + 0.135 + 0.384 = 11.779/h → × 730 = 8598.67
    private static readonly StackExpectation Prod = new("prod",
        [
            new("inference-t4", "both", "overlay-override", 3, 12, 3, 12, 12, 48, 1.578m, 1151.94m, 6.312m, 4607.76m, 0.1315m, 6.312m, 4.734m,
                new KarpenterExpectation(6, 6, 24, 3.156m, "nvidia.com/gpu")),
            new("training-a10g", "managedNodeGroup", null, 1, 4, 1, 4, 1, 4, 1.212m, 884.76m, 4.848m, 3539.04m, 1.212m, 1.212m, 0m),
        ],
        NatHourly: 0.135m, SystemHourlyDesired: 0.288m,
        TotalHourlyDesired: 3.313m, TotalMonthlyDesired: 2418.49m, TotalHourlyMax: 11.779m, TotalMonthlyMax: 8598.67m);

    public static TheoryData<string> Stacks => ["dev", "prod"];

    private static StackExpectation Expected(string stack) => stack == "dev" ? Dev : Prod;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Plan_json_has_the_hand_computed_pool_numbers(string stack)
    {
        var expected = Expected(stack);

        var plan = PlanJson(stack);

        var pools = plan["pools"]!.AsArray();
        Assert.Equal(expected.Pools.Length, pools.Count);
        foreach (var e in expected.Pools)
        {
            var pool = pools.Single(p => (string)p!["pool"]! == e.Pool)!;
            Assert.Equal(e.Provisioner, (string)pool["provisioner"]!);
            Assert.Equal(e.Mode, (string?)pool["karpenterMode"]);
            Assert.Equal(e.NodesDesired, (int)pool["nodes"]!["desired"]!);
            Assert.Equal(e.NodesMax, (int)pool["nodes"]!["max"]!);
            Assert.Equal(e.GpusDesired, (int)pool["physicalGpus"]!["desired"]!);
            Assert.Equal(e.GpusMax, (int)pool["physicalGpus"]!["max"]!);
            Assert.Equal(e.SlicesDesired, (int)pool["advertisedSlices"]!["desired"]!);
            Assert.Equal(e.SlicesMax, (int)pool["advertisedSlices"]!["max"]!);
            Assert.Equal(e.HourlyDesired, (decimal)pool["atDesired"]!["hourly"]!);
            Assert.Equal(e.MonthlyDesired, (decimal)pool["atDesired"]!["monthly"]!);
            Assert.Equal(e.HourlyMax, (decimal)pool["atMax"]!["hourly"]!);
            Assert.Equal(e.MonthlyMax, (decimal)pool["atMax"]!["monthly"]!);
            Assert.Equal(e.PerSliceHour, (decimal?)pool["usdPerSliceHour"]);
            Assert.Equal(e.UnsharedHourly, (decimal)pool["withoutSharing"]!["cost"]!["hourly"]!);
            Assert.Equal(e.SavedHourly, (decimal)pool["withoutSharing"]!["saved"]!["hourly"]!);
            // A Karpenter-only pool is empty at rest, so it is compared at its node limit.
            var karpenterOnly = e.Provisioner == "karpenter";
            Assert.Equal(karpenterOnly ? "max" : "desired", (string)pool["withoutSharing"]!["basis"]!);
            Assert.Equal(karpenterOnly ? e.SlicesMax : e.SlicesDesired, (int)pool["withoutSharing"]!["gpusNeeded"]!);
            if (e.Karpenter is { } k)
            {
                var karpenter = pool["karpenter"]!;
                Assert.Equal(e.Mode, (string)karpenter["mode"]!);
                Assert.Equal(k.MaxNodes, (int)karpenter["maxNodes"]!);
                Assert.Equal(k.Gpus, (int)karpenter["physicalGpusAtMax"]!);
                Assert.Equal(k.Slices, (int)karpenter["advertisedSlicesAtMax"]!);
                Assert.Equal(k.Hourly, (decimal)karpenter["atMax"]!["hourly"]!);
                Assert.Equal(k.PodResource, (string)karpenter["podResource"]!);
            }
            else
            {
                Assert.Null(pool["karpenter"]);
            }
            // A Karpenter-only pool has no node group of its own; every other pool reports its sizes.
            Assert.Equal(e.Provisioner == "karpenter", pool["managedNodeGroup"] is null);
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Plan_json_has_the_hand_computed_fixed_costs_and_totals(string stack)
    {
        var expected = Expected(stack);

        var plan = PlanJson(stack);

        var fixedCosts = plan["fixedCosts"]!.AsArray().ToDictionary(c => (string)c!["item"]!, c => (decimal)c!["atDesired"]!["hourly"]!);
        Assert.Equal(0.10m, fixedCosts["eksControlPlane"]);
        Assert.Equal(expected.NatHourly, fixedCosts["natGateways"]);
        Assert.Equal(expected.SystemHourlyDesired, fixedCosts["systemNodes"]);
        var totals = plan["totals"]!;
        Assert.Equal(expected.Pools.Sum(p => p.GpusDesired), (int)totals["physicalGpus"]!["desired"]!);
        Assert.Equal(expected.Pools.Sum(p => p.SlicesDesired), (int)totals["advertisedSlices"]!["desired"]!);
        Assert.Equal(expected.TotalHourlyDesired, (decimal)totals["atDesired"]!["hourly"]!);
        Assert.Equal(expected.TotalMonthlyDesired, (decimal)totals["atDesired"]!["monthly"]!);
        Assert.Equal(expected.TotalHourlyMax, (decimal)totals["atMax"]!["hourly"]!);
        Assert.Equal(expected.TotalMonthlyMax, (decimal)totals["atMax"]!["monthly"]!);
        Assert.Equal(expected.Pools.Sum(p => p.SavedHourly), (decimal)totals["savedBySharing"]!["hourly"]!);
    }

    [Fact]
    public void Plan_text_shows_the_dev_numbers_in_its_tables()
    {
        var result = CliRunner.Run(Wide, "plan", "--stack", "dev");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var lines = result.Stdout.Split('\n');
        // Capacity row: nodes, GPUs, replicas, slices (min / desired / max), nominal GiB per slice (16 / 10).
        Assert.Contains(lines, l => l.Contains("│ t4 ", StringComparison.Ordinal) && l.Contains("0 / 0 / 3", StringComparison.Ordinal)
            && l.Contains("0 / 0 / 30", StringComparison.Ordinal) && l.Contains("│ 1.6 ", StringComparison.Ordinal));
        // Provisioning row: provisioner, mode, no node group, node limit, GPUs / slices at max, pod resource, $/hour at max.
        Assert.Contains(lines, l => l.Contains("│ t4 ", StringComparison.Ordinal) && l.Contains("│ karpenter ", StringComparison.Ordinal)
            && l.Contains("│ overlay-shared ", StringComparison.Ordinal) && l.Contains("│ 3 / 30 ", StringComparison.Ordinal)
            && l.Contains("nvidia.com/gpu.shared", StringComparison.Ordinal) && l.Contains("$1.578", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("pool t4", StringComparison.Ordinal) && l.Contains("added for pending pods (max 3)", StringComparison.Ordinal)
            && l.Contains("$0.526", StringComparison.Ordinal) && l.Contains("$1.578", StringComparison.Ordinal) && l.Contains("$1,151.94", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Total", StringComparison.Ordinal) && l.Contains("$0.3114", StringComparison.Ordinal)
            && l.Contains("$227.32", StringComparison.Ordinal) && l.Contains("$1.9726", StringComparison.Ordinal) && l.Contains("$1,440.00", StringComparison.Ordinal));
        Assert.Contains("time-slicing does not partition gpu memory", result.Stdout.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("EventBridge", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_text_shows_the_prod_node_group_and_karpenter_headroom()
    {
        var result = CliRunner.Run(Wide, "plan", "--stack", "prod");

        var lines = result.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("│ inference-t4 ", StringComparison.Ordinal) && l.Contains("│ both ", StringComparison.Ordinal)
            && l.Contains("│ overlay-override ", StringComparison.Ordinal) && l.Contains("│ 2 / 3 / 6 ", StringComparison.Ordinal) && l.Contains("│ 6 / 24 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("pool inference-t4", StringComparison.Ordinal) && l.Contains("3 (max 6 + Karpenter 6)", StringComparison.Ordinal)
            && l.Contains("$6.312", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_json_lists_every_resource_of_the_program_once_across_its_component_groups()
    {
        var program = ReviewFixtures.Snapshot(StackProgram.Compile(StackFixtures.Shipped("prod")));

        var listed = PlanJson("prod")["components"]!.AsArray()
            .SelectMany(g => g!["resources"]!.AsArray().Select(r => (string)r!["name"]!)).ToList();

        Assert.Equal(program.Resources.Select(r => r.Name).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Plan_warnings_include_the_karpenter_caveats_with_their_keys()
    {
        var dev = PlanJson("dev")["warnings"]!.AsArray().Select(w => ((string)w!["code"]!, (string?)w!["keyPath"])).ToList();
        var prod = PlanJson("prod")["warnings"]!.AsArray().Select(w => ((string)w!["code"]!, (string?)w!["keyPath"])).ToList();

        Assert.Equal([("spot-priced-on-demand", "gpu-slicing-infra:prices.g4dn.xlarge"), ("public-endpoint", "gpu-slicing-infra:cluster.endpointPublicAccess"),
            ("karpenter", "gpu-slicing-infra:gpuPools.t4.karpenterMode"), ("spot-service-linked-role", "gpu-slicing-infra:cluster.createSpotServiceLinkedRole"),
            ("deploy-network", "gpu-slicing-infra:cluster.publicAccessCidrs"), ("deployer-admin-entry", "gpu-slicing-infra:cluster.adminPrincipalArns")], dev);
        // prod: the alpha NodeOverlay caveat of its overlay-override pool, and what every deployment needs.
        Assert.Equal([("karpenter", "gpu-slicing-infra:gpuPools.inference-t4.karpenterMode"),
            ("deploy-network", "gpu-slicing-infra:cluster.endpointPublicAccess"), ("deployer-admin-entry", "gpu-slicing-infra:cluster.adminPrincipalArns")], prod);
    }

    [Fact]
    public void A_plain_mode_sharing_pool_gets_the_over_buying_warning()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.dev.yaml"))
            .Replace("profile: ts-10-shared", "profile: ts-10", StringComparison.Ordinal)
            .Replace("karpenterMode: overlay-shared", "karpenterMode: plain", StringComparison.Ordinal);
        var (settings, program) = ReviewFixtures.Compile(StackFixtures.Inline(yaml, "dev"));

        var plan = ReviewFixtures.Plan(settings, program, FixedClock.Today);

        var warning = Assert.Single(plan.Warnings, w => w.Code == "karpenter");
        Assert.Contains("N pending pods buy N GPUs", warning.Message, StringComparison.Ordinal);
        Assert.Equal("plain", plan.Pools.Single().KarpenterMode);
        Assert.Equal("nvidia.com/gpu", plan.Pools.Single().Karpenter!.PodResource);
    }

    [Fact]
    public void A_missing_stack_is_an_error_on_stderr_with_exit_code_1()
    {
        var result = CliRunner.Run("plan", "--stack", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("Pulumi.nope.yaml", result.Stderr, StringComparison.Ordinal);
    }

    internal static JsonNode PlanJson(string stack)
    {
        var result = CliRunner.Run("plan", "--stack", stack, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        return JsonNode.Parse(result.Stdout)!;
    }
}
