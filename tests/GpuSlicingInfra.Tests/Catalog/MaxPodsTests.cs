using GpuSlicingInfra.Components.Gpu;

namespace GpuSlicingInfra.Tests.Catalog;

/// <summary>
/// Issue 13 item 5: the catalog's max pods equal the VPC CNI formula, ENIs × (IPv4 per ENI − 1) + 2, with the ENIs of
/// the default network card and the addresses per ENI from Karpenter's generated VPC limits
/// (aws/karpenter-provider-aws pkg/providers/instancetype/zz_generated.vpclimits.go, commit 1d927085dd81a9df9301e613f371dac5b4d16bfe).
/// </summary>
public sealed class MaxPodsTests
{
    [Theory]
    [InlineData("g4dn.xlarge", 3, 10, 29)]
    [InlineData("g5.xlarge", 4, 15, 58)]
    [InlineData("g5g.xlarge", 4, 15, 58)]
    [InlineData("g6f.large", 2, 10, 20)]
    [InlineData("g6e.12xlarge", 10, 30, 292)]
    [InlineData("p4d.24xlarge", 15, 50, 737)] // 60 ENIs over 4 network cards; the VPC CNI uses card 0's 15
    [InlineData("p5.48xlarge", 2, 50, 100)]
    public void Catalog_max_pods_follow_the_eni_formula(string type, int enis, int ipv4PerEni, int expected)
    {
        Assert.Equal(expected, enis * (ipv4PerEni - 1) + 2);
        Assert.Equal(expected, GpuInstanceCatalog.BuiltIn.Find(type)!.MaxPods);
    }
}
