using GpuSlicingInfra.Review.Cost;
using GpuSlicingInfra.Components.Gpu;

namespace GpuSlicingInfra.Tests.Review;

public sealed class CatalogPriceSourceTests
{
    [Theory]
    [InlineData("g4dn.xlarge", 0.526)]
    [InlineData("g5.2xlarge", 1.212)]
    [InlineData("g6.xlarge", 0.805)]
    [InlineData("g6e.xlarge", 1.861)]
    [InlineData("p3.2xlarge", 3.06)]
    [InlineData("p4d.24xlarge", 21.96)]
    [InlineData("p5.48xlarge", 55.04)]
    [InlineData("t3.large", 0.0832)]
    [InlineData("m6i.large", 0.096)]
    [InlineData("m5.large", 0.096)]
    public void List_prices_cover_gpu_families_and_common_system_types(string type, double price)
    {
        Assert.Equal((decimal)price, new CatalogPriceSource().HourlyUsd(type));
    }

    [Fact]
    public void Overrides_win_and_unknown_types_have_no_price()
    {
        var source = new CatalogPriceSource(new Dictionary<string, decimal> { ["g4dn.xlarge"] = 0.16m });

        Assert.Equal(0.16m, source.HourlyUsd("g4dn.xlarge"));
        Assert.Null(source.HourlyUsd("x9.huge"));
    }

    [Fact]
    public void Catalog_has_every_family_with_mig_only_on_a100_h100_h200_and_b200()
    {
        var families = GpuInstanceCatalog.BuiltIn.All.GroupBy(t => t.Family).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(["g4dn", "g5", "g5g", "g6", "g6e", "g6f", "gr6", "p3", "p4d", "p4de", "p5", "p5e", "p5en", "p6-b200"], families.Keys.Order(StringComparer.Ordinal));
        Assert.All(GpuInstanceCatalog.BuiltIn.All, t => Assert.Equal(t.Family is "p4d" or "p4de" or "p5" or "p5e" or "p5en" or "p6-b200", t.SupportsMig));
        var p5 = GpuInstanceCatalog.BuiltIn.Find("p5.48xlarge")!;
        Assert.Equal((8, 80, 192, 2048), (p5.GpuCount, p5.GpuMemoryGiB, p5.VCpus, p5.MemoryGiB));
    }

    [Fact]
    public void Every_built_in_type_sold_on_demand_has_a_list_price()
    {
        // p5e is sold through capacity blocks only; everything else has Karpenter's generated us-east-1 price.
        var unpriced = GpuInstanceCatalog.BuiltIn.All.Where(t => t.OnDemandUsdPerHour is null).Select(t => t.Name);

        Assert.Equal(["p5e.48xlarge"], unpriced);
        Assert.Equal(0.42m, new CatalogPriceSource(new Dictionary<string, decimal>()).HourlyUsd("g5g.xlarge"));
    }
}
