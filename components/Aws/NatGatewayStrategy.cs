namespace GpuSlicingInfra.Components.Aws;

/// <summary>How many NAT gateways a new VPC gets.</summary>
public enum NatGatewayStrategy
{
    /// <summary>One NAT gateway for the whole VPC: cheapest, one AZ is a single point of failure for egress.</summary>
    SingleGateway,

    /// <summary>One NAT gateway per availability zone: egress survives an AZ outage.</summary>
    OnePerAz,
}
