using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Components;

public sealed class NetworkTests
{
    [Fact]
    public void A_new_vpc_tags_private_subnets_for_karpenter_discovery_and_internal_load_balancers()
    {
        var program = TestPrograms.Platform(TestPrograms.PlatformArgs() with
        {
            Network = new NetworkOptions { AvailabilityZoneCount = 3, NatGateways = NatGatewayStrategy.SingleGateway },
        });

        var vpc = program.Resource("network-vpc");
        Assert.Equal("awsx:ec2:Vpc", program.TypeOf("network-vpc"));
        Assert.Equal("3", ParsedProgram.Scalar(vpc, "properties.numberOfAvailabilityZones"));
        Assert.Equal("Single", ParsedProgram.Scalar(vpc, "properties.natGateways.strategy"));
        Assert.Equal("Private", ParsedProgram.Scalar(vpc, "properties.subnetSpecs.0.type"));
        Assert.Equal("gpu-test", ParsedProgram.At(vpc, "properties", "subnetSpecs", "0", "tags", "karpenter.sh/discovery"));
        Assert.Equal("1", ParsedProgram.At(vpc, "properties", "subnetSpecs", "0", "tags", "kubernetes.io/role/internal-elb"));
    }

    [Fact]
    public void An_existing_vpc_is_used_by_id_and_its_node_subnets_are_tagged_without_owning_them()
    {
        var program = TestPrograms.Platform(TestPrograms.PlatformArgs() with
        {
            Network = new NetworkOptions { ExistingVpcId = "vpc-0abc1234", ExistingPrivateSubnetIds = ["subnet-00000001", "subnet-00000002"] },
        });

        Assert.DoesNotContain("network-vpc", program.ResourceNames);
        Assert.Equal("vpc-0abc1234", ParsedProgram.Scalar(program.Resource("cluster-eks"), "properties.vpcId"));
        var tags = program.NamesOfType("aws:ec2:Tag").ToList();
        Assert.Equal(["network-subnet-00000001-karpenter-sh-discovery", "network-subnet-00000002-karpenter-sh-discovery"], tags);
        Assert.Equal("subnet-00000002", ParsedProgram.Scalar(program.Resource(tags[1]), "properties.resourceId"));
        Assert.Equal("gpu-test", ParsedProgram.Scalar(program.Resource(tags[1]), "properties.value"));
    }

    [Theory]
    [InlineData("10.0.0.0/8", nameof(NetworkOptions.CidrBlock))]
    [InlineData("10.0.0.300/16", nameof(NetworkOptions.CidrBlock))]
    [InlineData("not-a-cidr", nameof(NetworkOptions.CidrBlock))]
    public void Invalid_cidrs_are_rejected(string cidr, string field)
    {
        Assert.Contains(new NetworkOptions { CidrBlock = cidr }.Validate(), p => p.Field == field);
    }

    [Fact]
    public void An_existing_vpc_needs_private_subnets()
    {
        Assert.Contains(new NetworkOptions { ExistingVpcId = "vpc-1" }.Validate(), p => p.Field == nameof(NetworkOptions.ExistingPrivateSubnetIds));
    }
}
