using System.Text.Json.Nodes;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Review;

/// <summary>
/// The plan of the shipped stacks against hand-computed values. When a stack file changes, update its
/// table below (the arithmetic is in the comments): GPUs = Σ nodes × GPUs per instance;
/// slices = GPUs × replicas; $/h = nodes × price; $/month = $/h × 730.
/// </summary>
public sealed class PlanNumbersTests
{
    /// <summary>Expected numbers of one pool at desired (d) and max (m) size.</summary>
    public sealed record PoolExpectation(string Pool, int GpusDesired, int GpusMax, int SlicesDesired, int SlicesMax,
        decimal HourlyDesired, decimal MonthlyDesired, decimal HourlyMax, decimal MonthlyMax, decimal PerSliceHour, decimal UnsharedHourly, decimal SavedHourly);

    /// <summary>Expected stack totals.</summary>
    public sealed record StackExpectation(string Stack, PoolExpectation[] Pools, decimal NatHourly, decimal SystemHourlyDesired,
        decimal TotalHourlyDesired, decimal TotalMonthlyDesired, decimal TotalHourlyMax, decimal TotalMonthlyMax);

    // dev (Pulumi.dev.yaml): pool t4 = g4dn.xlarge ($0.526, 1 × T4), nodes 0/1/2, ts-10 (10 replicas), spot priced at list.
    //   GPUs: 1 × 1 = 1, max 2 × 1 = 2;  slices: 1 × 10 = 10, max 2 × 10 = 20
    //   $/h: 1 × 0.526 = 0.526 → × 730 = 383.98;  max 2 × 0.526 = 1.052 → 767.96;  per slice-hour 0.526 / 10 = 0.0526
    //   without sharing: 10 slices = 10 GPUs × 0.526 = 5.26/h; saved 5.26 − 0.526 = 4.734
    //   fixed: control plane 0.10; NAT single 1 × 0.045; system 2 × t3.large 0.0832 = 0.1664 (max 3 × 0.0832 = 0.2496)
    //   total desired 0.526 + 0.10 + 0.045 + 0.1664 = 0.8374/h → × 730 = 611.302
    //   total max     1.052 + 0.10 + 0.045 + 0.2496 = 1.4466/h → × 730 = 1056.018
    private static readonly StackExpectation Dev = new("dev",
        [new("t4", 1, 2, 10, 20, 0.526m, 383.98m, 1.052m, 767.96m, 0.0526m, 5.26m, 4.734m)],
        NatHourly: 0.045m, SystemHourlyDesired: 0.1664m,
        TotalHourlyDesired: 0.8374m, TotalMonthlyDesired: 611.302m, TotalHourlyMax: 1.4466m, TotalMonthlyMax: 1056.018m);

    // prod (Pulumi.prod.yaml):
    //   inference-t4 = g4dn.xlarge first ($0.526, 1 × T4), nodes 2/3/6, ts-4 (4 replicas)
    //     GPUs 3 × 1 = 3, max 6;  slices 3 × 4 = 12, max 24
    //     $/h 3 × 0.526 = 1.578 → 1151.94;  max 6 × 0.526 = 3.156 → 2303.88;  per slice 1.578 / 12 = 0.1315
    //     without sharing 12 × 0.526 = 6.312; saved 6.312 − 1.578 = 4.734
    //   training-a10g = g5.2xlarge ($1.212, 1 × A10G), nodes 0/1/4, exclusive (1 per GPU)
    //     GPUs 1, max 4; slices 1, max 4;  $/h 1.212 → 884.76; max 4 × 1.212 = 4.848 → 3539.04; per slice 1.212
    //     without sharing 1 × 1.212 = 1.212; saved 0
    //   fixed: control plane 0.10; NAT onePerAz 3 × 0.045 = 0.135; system 3 × m6i.large 0.096 = 0.288 (max 4 × 0.096 = 0.384)
    //   total desired 1.578 + 1.212 + 0.10 + 0.135 + 0.288 = 3.313/h → × 730 = 2418.49
    //   total max     3.156 + 4.848 + 0.10 + 0.135 + 0.384 = 8.623/h → × 730 = 6294.79
    private static readonly StackExpectation Prod = new("prod",
        [
            new("inference-t4", 3, 6, 12, 24, 1.578m, 1151.94m, 3.156m, 2303.88m, 0.1315m, 6.312m, 4.734m),
            new("training-a10g", 1, 4, 1, 4, 1.212m, 884.76m, 4.848m, 3539.04m, 1.212m, 1.212m, 0m),
        ],
        NatHourly: 0.135m, SystemHourlyDesired: 0.288m,
        TotalHourlyDesired: 3.313m, TotalMonthlyDesired: 2418.49m, TotalHourlyMax: 8.623m, TotalMonthlyMax: 6294.79m);

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
            Assert.Equal(e.GpusDesired, (int)pool["physicalGpus"]!["desired"]!);
            Assert.Equal(e.GpusMax, (int)pool["physicalGpus"]!["max"]!);
            Assert.Equal(e.SlicesDesired, (int)pool["advertisedSlices"]!["desired"]!);
            Assert.Equal(e.SlicesMax, (int)pool["advertisedSlices"]!["max"]!);
            Assert.Equal(e.HourlyDesired, (decimal)pool["atDesired"]!["hourly"]!);
            Assert.Equal(e.MonthlyDesired, (decimal)pool["atDesired"]!["monthly"]!);
            Assert.Equal(e.HourlyMax, (decimal)pool["atMax"]!["hourly"]!);
            Assert.Equal(e.MonthlyMax, (decimal)pool["atMax"]!["monthly"]!);
            Assert.Equal(e.PerSliceHour, (decimal)pool["usdPerSliceHour"]!);
            Assert.Equal(e.UnsharedHourly, (decimal)pool["withoutSharing"]!["cost"]!["hourly"]!);
            Assert.Equal(e.SavedHourly, (decimal)pool["withoutSharing"]!["saved"]!["hourly"]!);
            Assert.Equal(e.SlicesDesired, (int)pool["withoutSharing"]!["gpusNeeded"]!);
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
        var result = CliRunner.Run("plan", "--stack", "dev");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var lines = result.Stdout.Split('\n');
        // Capacity row: nodes, GPUs, replicas, slices (min / desired / max), nominal GiB per slice (16 / 10).
        Assert.Contains(lines, l => l.Contains("│ t4 ", StringComparison.Ordinal) && l.Contains("0 / 1 / 2", StringComparison.Ordinal)
            && l.Contains("0 / 10 / 20", StringComparison.Ordinal) && l.Contains("│ 1.6 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("pool t4", StringComparison.Ordinal) && l.Contains("$0.526", StringComparison.Ordinal)
            && l.Contains("$383.98", StringComparison.Ordinal) && l.Contains("$767.96", StringComparison.Ordinal) && l.Contains("$0.0526", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Total", StringComparison.Ordinal) && l.Contains("$0.8374", StringComparison.Ordinal)
            && l.Contains("$611.30", StringComparison.Ordinal) && l.Contains("$1,056.02", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ t4 ", StringComparison.Ordinal) && l.Contains("$5.26", StringComparison.Ordinal) && l.Contains("$3,455.82", StringComparison.Ordinal));
        Assert.Contains("time-slicing does not partition gpu memory", result.Stdout.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_text_groups_resources_by_component()
    {
        var result = CliRunner.Run("plan", "--stack", "prod");

        Assert.Contains("GpuNodePool inference-t4 (2)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("GpuNodePool training-a10g (2)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("NvidiaDevicePlugin (3)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Cluster (9)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("other (", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_plan_warns_about_spot_list_pricing_and_the_public_endpoint_and_prod_has_no_warnings()
    {
        var dev = PlanJson("dev")["warnings"]!.AsArray().Select(w => (string)w!["code"]!).ToList();
        var prod = PlanJson("prod")["warnings"]!.AsArray();

        Assert.Equal(["spot-priced-on-demand", "public-endpoint"], dev);
        Assert.Empty(prod);
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
