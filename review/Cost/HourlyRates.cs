using GpuSlicingInfra.Components.Aws;

namespace GpuSlicingInfra.Review.Cost;

/// <summary>Fixed AWS charges a stack pays besides its instances (us-east-1 list prices, 2025).</summary>
public static class HourlyRates
{
    /// <summary>EKS control plane, standard support, per cluster.</summary>
    public const decimal EksControlPlaneUsd = 0.10m;

    /// <summary>EKS control plane in extended support, per cluster (https://aws.amazon.com/eks/pricing/).</summary>
    public const decimal EksControlPlaneExtendedSupportUsd = 0.60m;

    /// <summary>One NAT gateway, before data processing charges (not modelled: they depend on traffic).</summary>
    public const decimal NatGatewayUsd = 0.045m;

    /// <summary>Hours in the month AWS bills by (365 × 24 / 12).</summary>
    public const decimal HoursPerMonth = 730m;

    /// <summary>The monthly cost of an hourly rate.</summary>
    public static decimal Monthly(decimal hourlyUsd) => hourlyUsd * HoursPerMonth;

    /// <summary>The control plane's USD per hour on <paramref name="day"/>: extended support costs six times standard.</summary>
    public static decimal ControlPlaneOn(KubernetesVersionSupport version, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.PhaseOn(day) == KubernetesSupportPhase.Standard ? EksControlPlaneUsd : EksControlPlaneExtendedSupportUsd;
    }
}
