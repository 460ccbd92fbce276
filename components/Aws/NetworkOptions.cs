using System.Net;
using GpuSlicingInfra.Components.Validation;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>
/// Options of <see cref="Network"/>: either a new VPC (<see cref="CidrBlock"/>, <see cref="AvailabilityZoneCount"/>,
/// <see cref="NatGateways"/>) or an existing one (<see cref="ExistingVpcId"/> with
/// <see cref="ExistingPrivateSubnetIds"/>); the two are mutually exclusive.
/// </summary>
public sealed record NetworkOptions
{
    /// <summary>CIDR of a new VPC. Default: <c>10.0.0.0/16</c>.</summary>
    public string CidrBlock { get; init; } = "10.0.0.0/16";

    /// <summary>Availability zones of a new VPC, 2–6. Default: 2.</summary>
    public int AvailabilityZoneCount { get; init; } = 2;

    /// <summary>NAT gateways of a new VPC. Default: one per AZ.</summary>
    public NatGatewayStrategy NatGateways { get; init; } = NatGatewayStrategy.OnePerAz;

    /// <summary>Use this existing VPC instead of creating one. Default: create a VPC.</summary>
    public string? ExistingVpcId { get; init; }

    /// <summary>Private subnets of the existing VPC, where nodes run. Required with <see cref="ExistingVpcId"/>. Default: none (a new VPC has its own).</summary>
    public IReadOnlyList<string> ExistingPrivateSubnetIds { get; init; } = [];

    /// <summary>Public subnets of the existing VPC, for internet-facing load balancers. Default: none.</summary>
    public IReadOnlyList<string> ExistingPublicSubnetIds { get; init; } = [];

    /// <summary>Tags on private (node) subnets, e.g. Karpenter's discovery tag. Default: none.</summary>
    public IReadOnlyDictionary<string, string> PrivateSubnetTags { get; init; } = new Dictionary<string, string>();

    /// <summary>Tags on every resource. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Protect the VPC from deletion. Default: false.</summary>
    public bool Protect { get; init; }

    /// <summary>Whether an existing VPC is used.</summary>
    public bool UsesExistingVpc => ExistingVpcId is not null;

    /// <summary>Every problem with these options, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = TagRules.AwsTags(Tags, nameof(Tags), TagRules.ComponentReservedPrefixes, TagRules.MaxPerResource).ToList();
        if (UsesExistingVpc)
        {
            if (!ConfigRules.IsResourceId(ExistingVpcId, "vpc"))
            {
                problems.Add(new(nameof(ExistingVpcId), $"'{ExistingVpcId}' is not a VPC id (vpc- and 8 or 17 hex digits)."));
            }
            if (ExistingPrivateSubnetIds.Count == 0)
            {
                problems.Add(new(nameof(ExistingPrivateSubnetIds), "an existing VPC needs at least one private subnet for nodes."));
            }
            foreach (var (field, id) in SubnetIds().Where(s => !ConfigRules.IsResourceId(s.Id, "subnet")))
            {
                problems.Add(new(field, $"'{id}' is not a subnet id (subnet- and 8 or 17 hex digits)."));
            }
            foreach (var id in ExistingPrivateSubnetIds.Concat(ExistingPublicSubnetIds).GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1 && g.Key.Length > 0))
            {
                problems.Add(new(nameof(ExistingPrivateSubnetIds), $"'{id.Key}' is listed more than once."));
            }
            if (ExistingPrivateSubnetIds.Intersect(ExistingPublicSubnetIds).Any())
            {
                problems.Add(new(nameof(ExistingPublicSubnetIds), "a subnet cannot be both private and public."));
            }
            return problems;
        }
        if (!IsIpv4Cidr(CidrBlock, out var prefix) || prefix is < 16 or > 24)
        {
            problems.Add(new(nameof(CidrBlock), $"'{CidrBlock}' must be an IPv4 CIDR with a prefix length from /16 to /24{(ConfigRules.NetworkHint(CidrBlock) is { } hint ? $" (host bits set: did you mean {hint}?)" : "")}."));
        }
        else if (ConfigRules.Ipv4Network(CidrBlock) is { } vpc)
        {
            foreach (var reserved in ConfigRules.EksDefaultServiceCidrs.Where(r => ConfigRules.Overlap(vpc, ConfigRules.Ipv4Network(r)!.Value)))
            {
                problems.Add(new(nameof(CidrBlock), $"'{CidrBlock}' overlaps {reserved}, one of the EKS default Kubernetes service CIDRs; pods could not reach VPC addresses shadowed by service IPs. Choose another range."));
            }
        }
        if (AvailabilityZoneCount is < 2 or > 6)
        {
            problems.Add(new(nameof(AvailabilityZoneCount), $"{AvailabilityZoneCount} must be between 2 and 6 (EKS needs subnets in at least two AZs)."));
        }
        return problems;
    }

    // Each id with the field it came from, so a problem names the right key.
    private IEnumerable<(string Field, string Id)> SubnetIds() =>
        ExistingPrivateSubnetIds.Select(id => (nameof(ExistingPrivateSubnetIds), id))
            .Concat(ExistingPublicSubnetIds.Select(id => (nameof(ExistingPublicSubnetIds), id)));

    /// <summary>Whether <paramref name="value"/> is an IPv4 CIDR whose address is the network address.</summary>
    public static bool IsIpv4Cidr(string value, out int prefixLength)
    {
        prefixLength = -1;
        return IPNetwork.TryParse(value, out var network)
            && network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            // Written canonically, the whole text: the network address itself (no host bits, no leading
            // zeros) and the prefix length without leading zeros ('/016' parses as /16).
            && network.ToString() == value
            && (prefixLength = network.PrefixLength) >= 0;
    }
}
