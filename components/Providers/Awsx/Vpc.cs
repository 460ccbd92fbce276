using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Awsx;

/// <summary><c>awsx:ec2:Vpc</c>: a VPC with subnets, route tables and NAT gateways per availability zone.</summary>
internal sealed class Vpc(PulumiProgram program, string name, VpcArgs args, ResourceOptions? options = null)
    : Resource(program, name, "awsx:ec2:Vpc", args, options)
{
    /// <inheritdoc />
    public override string? PluginVersion => ProviderVersions.Awsx;

    /// <summary>The VPC id.</summary>
    public Output<string> VpcId => Output<string>("vpcId");

    /// <summary>Ids of the private subnets.</summary>
    public Output<IReadOnlyList<string>> PrivateSubnetIds => Output<IReadOnlyList<string>>("privateSubnetIds");

    /// <summary>Ids of the public subnets.</summary>
    public Output<IReadOnlyList<string>> PublicSubnetIds => Output<IReadOnlyList<string>>("publicSubnetIds");
}

/// <summary>Inputs of <see cref="Vpc"/>.</summary>
internal sealed record VpcArgs
{
    /// <summary>The VPC CIDR block.</summary>
    public string? CidrBlock { get; init; }

    /// <summary>How many availability zones to span.</summary>
    public int? NumberOfAvailabilityZones { get; init; }

    /// <summary>NAT gateway strategy.</summary>
    public VpcNatGatewaysArgs? NatGateways { get; init; }

    /// <summary>Subnet CIDR allocation strategy, e.g. <c>Auto</c>.</summary>
    public string? SubnetStrategy { get; init; }

    /// <summary>Subnet layout per availability zone.</summary>
    public IReadOnlyList<VpcSubnetSpecArgs>? SubnetSpecs { get; init; }

    /// <summary>DNS hostnames for instances.</summary>
    public Input<bool>? EnableDnsHostnames { get; init; }

    /// <summary>Tags.</summary>
    public InputMap<string>? Tags { get; init; }
}

/// <summary>NAT gateway configuration.</summary>
/// <param name="Strategy"><c>None</c>, <c>Single</c> or <c>OnePerAz</c>.</param>
internal sealed record VpcNatGatewaysArgs(string Strategy);

/// <summary>One subnet tier.</summary>
internal sealed record VpcSubnetSpecArgs
{
    /// <summary><c>Public</c>, <c>Private</c> or <c>Isolated</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Subnet size as a CIDR mask length.</summary>
    public int? CidrMask { get; init; }

    /// <summary>Tags on every subnet of this tier.</summary>
    public InputMap<string>? Tags { get; init; }
}
