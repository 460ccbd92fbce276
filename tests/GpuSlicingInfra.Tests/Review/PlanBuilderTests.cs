using GpuSlicingInfra.Review.Cost;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Stacks.StackReview;
using GpuSlicingInfra.Tests.Support;
using Moq;

namespace GpuSlicingInfra.Tests.Review;

public sealed class PlanBuilderTests
{
    private static StackPlan Plan(string extraConfig, IPriceSource prices) => PlanOf(StackFixtures.MinimalYaml(extraConfig), prices);

    private static StackPlan PlanOf(string stackYaml, IPriceSource prices)
    {
        var (settings, program) = ReviewFixtures.Compile(StackFixtures.Inline(stackYaml));
        return ReviewFixtures.Plan(settings, program, FixedClock.Today, prices);
    }

    [Fact]
    public void Costs_come_from_the_price_source_times_node_counts()
    {
        // Given a price source that knows two types
        var prices = new Mock<IPriceSource>(MockBehavior.Strict);
        prices.Setup(p => p.HourlyUsd("g4dn.12xlarge")).Returns(2.00m);
        prices.Setup(p => p.HourlyUsd("m6i.large")).Returns(0.10m);

        // When a pool of g4dn.12xlarge (4 GPUs) at 1/3/5 nodes with 4 replicas is planned
        var plan = PlanOf("""
            config:
              gpu-slicing-infra:devicePlugin:
                profiles:
                  ts-4:
                    replicas: 4
              gpu-slicing-infra:gpuPools:
                t4:
                  profile: ts-4
                  instanceTypes: [g4dn.12xlarge]
                  minSize: 1
                  desiredSize: 3
                  maxSize: 5
            """, prices.Object);

        // Then: GPUs 3 × 4 = 12 (max 20), slices 12 × 4 = 48 (max 80), $/h 3 × 2.00 = 6.00 (max 10.00)
        var pool = Assert.Single(plan.Pools);
        Assert.Equal(12, pool.PhysicalGpus.Desired);
        Assert.Equal(20, pool.PhysicalGpus.Max);
        Assert.Equal(48, pool.AdvertisedSlices.Desired);
        Assert.Equal(80, pool.AdvertisedSlices.Max);
        Assert.Equal(6.00m, pool.AtDesired.Hourly);
        Assert.Equal(4380m, pool.AtDesired.Monthly);
        Assert.Equal(10.00m, pool.AtMax.Hourly);
        Assert.Equal(0.125m, pool.UsdPerSliceHour); // 6.00 / 48
        Assert.Equal(4m, pool.NominalGpuMemoryGiBPerSlice); // 16 GiB / 4
        // Without sharing: 48 GPUs at 2.00 / 4 = 0.50 each = 24.00/h; saved 18.00/h
        Assert.Equal(0.5m, pool.WithoutSharing.UsdPerGpuHour);
        Assert.Equal(24m, pool.WithoutSharing.Cost.Hourly);
        Assert.Equal(18m, pool.WithoutSharing.Saved.Hourly);
        // Default network: 2 AZs, one NAT each = 0.09; system default 2 × m6i.large at 0.10 = 0.20
        var fixedCosts = plan.FixedCosts.ToDictionary(c => c.Item, c => c.AtDesired.Hourly);
        Assert.Equal(0.09m, fixedCosts["natGateways"]);
        Assert.Equal(0.20m, fixedCosts["systemNodes"]);
        Assert.Equal(6.00m + 0.10m + 0.09m + 0.20m, plan.Totals.AtDesired.Hourly);
        prices.Verify(p => p.HourlyUsd("g4dn.12xlarge"), Times.AtLeastOnce());
    }

    [Fact]
    public void An_unknown_system_instance_price_warns_and_counts_zero()
    {
        var prices = new Mock<IPriceSource>();
        prices.Setup(p => p.HourlyUsd("g4dn.xlarge")).Returns(0.5m);

        var plan = Plan("", prices.Object);

        var system = plan.FixedCosts.Single(c => c.Item == "systemNodes");
        Assert.Null(system.UnitUsdPerHour);
        Assert.Equal(0m, system.AtDesired.Hourly);
        var warning = Assert.Single(plan.Warnings, w => w.Code == "unknown-price");
        Assert.Contains("m6i.large", warning.Message, StringComparison.Ordinal);
        Assert.Equal("gpu-slicing-infra:prices.m6i.large", warning.KeyPath);
    }

    [Fact]
    public void An_existing_vpc_pays_no_nat_gateway_and_a_single_gateway_pays_one()
    {
        var existing = Plan("""
              gpu-slicing-infra:network:
                existingVpcId: vpc-0123456789abcdef0
                existingPrivateSubnetIds: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]
            """, new CatalogPriceSource());
        var single = Plan("""
              gpu-slicing-infra:network:
                availabilityZoneCount: 3
                natGateways: single
            """, new CatalogPriceSource());

        Assert.Equal(0m, existing.FixedCosts.Single(c => c.Item == "natGateways").AtDesired.Hourly);
        Assert.Equal(0.045m, single.FixedCosts.Single(c => c.Item == "natGateways").AtDesired.Hourly);
    }

    [Fact]
    public void The_prices_setting_overrides_catalog_prices()
    {
        var (settings, program) = ReviewFixtures.Compile(StackFixtures.Inline(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:prices:
                g4dn.xlarge: 0.2
                m6i.large: 0.05
            """)));

        var plan = ReviewFixtures.Plan(settings, program, FixedClock.Today);

        // 1 desired node × 0.2; system 2 × 0.05
        Assert.Equal(0.2m, plan.Pools[0].AtDesired.Hourly);
        Assert.Equal(0.1m, plan.FixedCosts.Single(c => c.Item == "systemNodes").AtDesired.Hourly);
    }

    [Fact]
    public void Too_many_replicas_for_the_gpu_memory_and_spot_in_prod_are_warned()
    {
        var plan = PlanOf("""
            config:
              gpu-slicing-infra:environment: prod
              gpu-slicing-infra:devicePlugin:
                profiles:
                  ts-32:
                    replicas: 32
              gpu-slicing-infra:gpuPools:
                t4:
                  profile: ts-32
                  instanceTypes: [g4dn.8xlarge]
                  capacityType: spot
            """, new CatalogPriceSource());

        var codes = plan.Warnings.Select(w => w.Code).ToList();
        Assert.Contains("replicas-above-gpu-memory", codes);
        Assert.Contains("spot-in-prod", codes);
        Assert.Equal(0.5m, plan.Pools[0].NominalGpuMemoryGiBPerSlice); // 16 GiB / 32 (a g4dn.8xlarge: 58 pods hold the 32 slices)
    }

    [Fact]
    public void Extra_warning_rules_plug_in_beside_the_default_ones()
    {
        var (settings, program) = ReviewFixtures.Shipped("dev");
        var extra = new Mock<IPlanWarningRule>();
        extra.Setup(r => r.Check(It.IsAny<PlanContext>())).Returns([new PlanWarning("autoscaler", "from another component", null)]);

        var plan = PlanBuilder.Build(ReviewFixtures.Snapshot(program), StackReviewContext.For(settings) with { ExtraWarningRules = [extra.Object] }, FixedClock.Today);

        Assert.Equal("autoscaler", plan.Warnings[^1].Code);
    }

    [Fact]
    public void Prices_accept_gpu_and_system_types_and_reject_typos_with_the_key_path()
    {
        var ok = StackFixtures.Inline(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:cluster:
                systemInstanceType: r7i.large
              gpu-slicing-infra:prices:
                r7i.large: 0.1323
                t3.large: 0.08
            """));
        var typo = StackFixtures.Inline(StackFixtures.MinimalYaml("""
              gpu-slicing-infra:prices:
                g4dn.xlarrge: 0.2
            """));

        Assert.Equal(0.1323m, GpuSlicingInfra.Stacks.Settings.SettingsBinder.Bind(ok).HourlyPriceOverrides["r7i.large"]);
        var error = Assert.Throws<GpuSlicingInfra.Stacks.Config.ConfigException>(() => GpuSlicingInfra.Stacks.Settings.SettingsBinder.Bind(typo));
        Assert.Contains(error.Problems, p => p.KeyPath == "gpu-slicing-infra:prices.g4dn.xlarrge");
    }
}
