using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>Binds <c>network</c> to <see cref="NetworkOptions"/>.</summary>
internal static class NetworkBinder
{
    private static readonly Dictionary<string, NatGatewayStrategy> NatStrategies = new(StringComparer.Ordinal)
    {
        ["single"] = NatGatewayStrategy.SingleGateway,
        ["onePerAz"] = NatGatewayStrategy.OnePerAz,
    };

    public static NetworkOptions Bind(SettingsObject? section, bool protect)
    {
        var defaults = new NetworkOptions();
        if (section is null)
        {
            return defaults with { Protect = protect };
        }
        var args = new NetworkOptions
        {
            CidrBlock = section.Text("cidrBlock", defaults.CidrBlock),
            AvailabilityZoneCount = section.WholeNumber("availabilityZoneCount", defaults.AvailabilityZoneCount, 1, 16),
            NatGateways = section.Choice("natGateways", defaults.NatGateways, NatStrategies),
            ExistingVpcId = section.StringOrNull("existingVpcId"),
            ExistingPrivateSubnetIds = section.StringList("existingPrivateSubnetIds", []),
            ExistingPublicSubnetIds = section.StringList("existingPublicSubnetIds", []),
            Protect = protect,
        };
        if (args.ExistingVpcId is null && (args.ExistingPrivateSubnetIds.Count > 0 || args.ExistingPublicSubnetIds.Count > 0))
        {
            section.Problem("existingVpcId", "subnet ids are given but no existingVpcId; set it, or remove the subnet ids to create a VPC.");
        }
        if (args.ExistingVpcId is not null && (section.Has("cidrBlock") || section.Has("availabilityZoneCount") || section.Has("natGateways")))
        {
            section.Problem("existingVpcId", "cidrBlock, availabilityZoneCount and natGateways describe a new VPC and cannot be combined with existingVpcId.");
        }
        section.Finish();
        return args;
    }
}
