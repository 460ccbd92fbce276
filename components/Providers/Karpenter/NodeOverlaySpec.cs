using GpuSlicingInfra.Components.Providers.Kubernetes;

namespace GpuSlicingInfra.Components.Providers.Karpenter;

/// <summary>
/// <c>spec</c> of a Karpenter <c>NodeOverlay</c> (<c>karpenter.sh/v1alpha1</c>): changes what the
/// scheduling simulation believes about matching instance types.
/// </summary>
internal sealed record NodeOverlaySpec
{
    /// <summary>Which instance types (and pools) the overlay applies to.</summary>
    public required IReadOnlyList<NodeSelectorRequirement> Requirements { get; init; }

    /// <summary>Extended resources by name; an existing one of the same name is replaced.</summary>
    public required IReadOnlyDictionary<string, string> Capacity { get; init; }

    /// <summary>Precedence among matching overlays, 1–10000. Default: none.</summary>
    public int? Weight { get; init; }
}
