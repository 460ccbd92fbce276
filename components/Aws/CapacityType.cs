namespace GpuSlicingInfra.Components.Aws;

/// <summary>How GPU instances are bought.</summary>
public enum CapacityType
{
    /// <summary>On-demand: never interrupted.</summary>
    OnDemand,

    /// <summary>Spot: discounted, may be reclaimed with two minutes' notice.</summary>
    Spot,
}
