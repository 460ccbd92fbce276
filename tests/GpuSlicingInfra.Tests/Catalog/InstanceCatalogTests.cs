using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Stacks;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Catalog;

/// <summary>Issue 13 item 1: instance types outside the built-in catalog need facts from the stack's instanceCatalog.</summary>
public sealed class InstanceCatalogTests
{
    private static IReadOnlyList<ConfigProblem> Problems(string yaml) =>
        Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(yaml))).Problems;

    [Fact]
    public void A_stale_allowUnknownInstanceTypes_is_an_error_naming_the_key_and_its_replacement()
    {
        var problems = Problems(CatalogTestStacks.With(CatalogTestStacks.KarpenterPool("new", "g7e.2xlarge") + "      allowUnknownInstanceTypes: true\n"));

        var stale = Assert.Single(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools.new.allowUnknownInstanceTypes");
        Assert.Contains("was removed", stale.Message, StringComparison.Ordinal);
        Assert.Contains("instanceCatalog.<type>", stale.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown key", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_without_facts_is_an_error_on_the_pools_instance_types_pointing_to_instanceCatalog()
    {
        var problems = Problems(CatalogTestStacks.With(CatalogTestStacks.KarpenterPool("new", "g7e.2xlarge")));

        var problem = Assert.Single(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools.new.instanceTypes");
        Assert.Contains("instanceCatalog.g7e.2xlarge", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_described_type_gets_a_nodepool_with_its_family_gpu_count_and_a_nonzero_gpu_limit()
    {
        // The removed escape hatch produced instance-family In [], instance-gpu-count In [] and a GPU limit of 0.
        var settings = SettingsBinder.Bind(StackFixtures.Inline(CatalogTestStacks.With(CatalogTestStacks.KarpenterPool("new", "g7e.2xlarge"), extra: CatalogTestStacks.G7eCatalog)));
        var pool = settings.Platform.GpuPools.Single();
        var requirements = KarpenterPoolDesign.Requirements(pool).ToDictionary(r => r.Key, r => r.Values);

        Assert.Equal(["g7e"], requirements[WellKnownKeys.InstanceFamilyLabel]);
        Assert.Equal(["1"], requirements[WellKnownKeys.InstanceGpuCountLabel]);
        var profile = settings.Platform.DevicePlugin.Profiles.Single();
        var nodes = KarpenterPoolOptions.DefaultMaxNodes;
        Assert.Equal($"{nodes * 1 * 4}", KarpenterPoolDesign.Limits(pool, profile)[WellKnownKeys.GpuResource]); // nodes × 1 GPU × 4 replicas
        Assert.Equal("4", Assert.Single(KarpenterPoolDesign.Overlays(pool, profile)).Capacity[WellKnownKeys.GpuResource]);
    }

    [Fact]
    public void The_stacks_catalog_reaches_its_review_so_plan_counts_and_prices_a_described_type()
    {
        var yaml = CatalogTestStacks.With(CatalogTestStacks.GroupPool("new", "g7e.2xlarge"), extra: CatalogTestStacks.G7eCatalog
            + "      price: 2.5\n");
        var (settings, program) = ReviewFixtures.Compile(StackFixtures.Inline(yaml));

        var withStack = ReviewFixtures.Plan(settings, program, FixedClock.Today).Pools.Single();
        var alone = GpuSlicingInfra.Review.Plan.PlanBuilder.Build(ReviewFixtures.Snapshot(program), GpuSlicingInfra.Review.ReviewContext.None, FixedClock.Today).Pools.Single();

        Assert.Equal((1, "NVIDIA RTX PRO 6000", 2.5m, 254), (withStack.GpusPerNode, withStack.GpuModel, withStack.UsdPerNodeHour, withStack.MaxPodsPerNode));
        // A program file reviewed without its stack's catalog: the type is unknown, not guessed.
        Assert.Equal((0, "unknown", (decimal?)null, (int?)null), (alone.GpusPerNode, alone.GpuModel, alone.UsdPerNodeHour, alone.MaxPodsPerNode));
        var plan = GpuSlicingInfra.Review.Plan.PlanBuilder.Build(ReviewFixtures.Snapshot(program), GpuSlicingInfra.Review.ReviewContext.None, FixedClock.Today);
        Assert.Contains(plan.Warnings, w => w.Code == "unknown-instance-type" && w.Message.StartsWith("g7e.2xlarge (pool new) is not in the instance catalog", StringComparison.Ordinal));
        Assert.DoesNotContain(ReviewFixtures.Plan(settings, program, FixedClock.Today).Warnings, w => w.Code == "unknown-instance-type");
    }

    [Theory]
    [InlineData("gpus")]
    [InlineData("maxPods")]
    public void An_instanceCatalog_entry_needs_every_fact(string key)
    {
        var catalog = string.Join('\n', CatalogTestStacks.G7eCatalog.Split('\n').Where(l => !l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)));
        var problems = Problems(CatalogTestStacks.With(CatalogTestStacks.GroupPool("new", "g7e.2xlarge"), extra: catalog));

        // One finding: the pool's "not in the instance catalog" would point at the entry the user already wrote.
        var problem = Assert.Single(problems);
        Assert.Equal($"gpu-slicing-infra:instanceCatalog.g7e.2xlarge.{key}", problem.KeyPath);
        Assert.Contains("required", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instanceCatalog_entry_may_not_restate_a_built_in_type()
    {
        var problems = Problems(CatalogTestStacks.With(CatalogTestStacks.GroupPool("t4", "g4dn.xlarge"),
            extra: CatalogTestStacks.G7eCatalog.Replace("g7e.2xlarge", "g4dn.xlarge", StringComparison.Ordinal)));

        Assert.Contains(problems, p => p.KeyPath == "gpu-slicing-infra:instanceCatalog.g4dn.xlarge" && p.Message.Contains("prices.g4dn.xlarge", StringComparison.Ordinal));
    }

    [Fact]
    public void Fractional_g6f_is_refused_on_karpenter_pools_and_allowed_on_managed_node_groups()
    {
        var problems = Problems(CatalogTestStacks.With(CatalogTestStacks.KarpenterPool("frac", "g6f.xlarge")));
        var problem = Assert.Single(problems, p => p.KeyPath == "gpu-slicing-infra:gpuPools.frac.instanceTypes");
        Assert.Contains("aws/karpenter-provider-aws#8368", problem.Message, StringComparison.Ordinal);

        var program = StackProgram.Compile(StackFixtures.Inline(CatalogTestStacks.With(CatalogTestStacks.GroupPool("frac", "g6f.xlarge"))));
        Assert.Contains("- g6f.xlarge", program, StringComparison.Ordinal);
    }

    [Fact]
    public void Family_selection_leaves_out_types_karpenter_cannot_provision()
    {
        // p5.4xlarge shares the p5 family but EC2 reports it with 0 GPUs (aws/karpenter-provider-aws#8368).
        var settings = SettingsBinder.Bind(StackFixtures.Inline(CatalogTestStacks.With(CatalogTestStacks.KarpenterPool("h100", "p5.48xlarge"), replicas: 2)));

        Assert.Equal(["p5.48xlarge"], KarpenterPoolDesign.AllowedInstanceTypes(settings.Platform.GpuPools.Single()).Select(t => t.Name));
    }

    [Fact]
    public void The_built_in_catalog_knows_the_newer_gpus_with_the_model_names_other_components_key_on()
    {
        var catalog = GpuInstanceCatalog.BuiltIn;

        Assert.Equal(("NVIDIA T4G", 16, CpuArchitecture.Arm64), (catalog.Find("g5g.xlarge")!.GpuModel, catalog.Find("g5g.xlarge")!.GpuMemoryGiB, catalog.Find("g5g.xlarge")!.Architecture));
        Assert.Equal(("NVIDIA A100", 80, true), (catalog.Find("p4de.24xlarge")!.GpuModel, catalog.Find("p4de.24xlarge")!.GpuMemoryGiB, catalog.Find("p4de.24xlarge")!.SupportsMig));
        Assert.All(new[] { "p5e.48xlarge", "p5en.48xlarge" }, t => Assert.Equal(("NVIDIA H200", 8), (catalog.Find(t)!.GpuModel, catalog.Find(t)!.GpuCount)));
        Assert.Equal("NVIDIA B200", catalog.Find("p6-b200.48xlarge")!.GpuModel);
        Assert.Equal(2, catalog.Find("g5g.16xlarge")!.GpuCount);
        Assert.All(catalog.All.Where(t => t.Family == "g6f"), t => Assert.False(t.KarpenterCanProvision));
    }
}
