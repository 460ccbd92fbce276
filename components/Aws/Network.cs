using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;
using GpuSlicingInfra.Components.Providers.Awsx;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>
/// The network the cluster runs in: a new VPC with private node subnets (public subnets only
/// for load balancers and NAT), or an existing VPC whose node subnets get the discovery tags.
/// </summary>
public sealed class Network
{
    /// <summary>Adds the network under the logical name prefix <paramref name="name"/>.</summary>
    public Network(PulumiProgram program, string name, NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(options);
        ArgsValidationException.ThrowIfAny(nameof(NetworkOptions), options.Validate());
        using var component = program.BeginComponent(nameof(Network), name);
        if (options.UsesExistingVpc)
        {
            VpcId = options.ExistingVpcId!;
            PrivateSubnetIds = options.ExistingPrivateSubnetIds.ToArray();
            PublicSubnetIds = options.ExistingPublicSubnetIds.Count == 0 ? null : (InputList<string>)options.ExistingPublicSubnetIds.ToArray();
            foreach (var subnetId in options.ExistingPrivateSubnetIds)
            {
                foreach (var (key, value) in options.PrivateSubnetTags.OrderBy(t => t.Key, StringComparer.Ordinal))
                {
                    // The VPC belongs to someone else: tag its subnets without owning them.
                    _ = new Ec2Tag(program, $"{name}-{subnetId}-{TagSuffix(key)}", new Ec2TagArgs
                    {
                        ResourceId = subnetId,
                        Key = key,
                        Value = value,
                    });
                }
            }
            return;
        }

        var vpc = new Vpc(program, $"{name}-vpc", new VpcArgs
        {
            CidrBlock = options.CidrBlock,
            NumberOfAvailabilityZones = options.AvailabilityZoneCount,
            NatGateways = new VpcNatGatewaysArgs(options.NatGateways == NatGatewayStrategy.SingleGateway ? "Single" : "OnePerAz"),
            SubnetStrategy = "Auto",
            EnableDnsHostnames = true,
            SubnetSpecs =
            [
                new VpcSubnetSpecArgs
                {
                    Type = "Private",
                    Tags = ResourceTags.Merge(options.PrivateSubnetTags, ("kubernetes.io/role/internal-elb", "1")),
                },
                new VpcSubnetSpecArgs
                {
                    Type = "Public",
                    CidrMask = 24,
                    Tags = ResourceTags.Merge(new Dictionary<string, string>(), ("kubernetes.io/role/elb", "1")),
                },
            ],
            Tags = ResourceTags.Merge(options.Tags),
        }, new ResourceOptions { Protect = options.Protect });
        VpcId = vpc.VpcId;
        PrivateSubnetIds = vpc.PrivateSubnetIds;
        PublicSubnetIds = vpc.PublicSubnetIds;
    }

    /// <summary>The VPC id.</summary>
    public Input<string> VpcId { get; }

    /// <summary>Private subnets: nodes run here.</summary>
    public InputList<string> PrivateSubnetIds { get; }

    /// <summary>Public subnets: load balancers and NAT only. Null for an existing VPC given none.</summary>
    public InputList<string>? PublicSubnetIds { get; }

    private static string TagSuffix(string key) => key.Replace('/', '-').Replace('.', '-');
}
