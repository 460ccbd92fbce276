using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Kubernetes;

/// <summary>
/// <c>kubernetes:apiextensions.k8s.io:CustomResource</c>: an object of a CRD-defined kind, e.g. a
/// Karpenter NodePool. Its <c>spec</c> is a typed record of that kind.
/// </summary>
internal sealed class CustomResource(PulumiProgram program, string name, CustomResourceArgs args, ResourceOptions? options = null)
    : Resource(program, name, "kubernetes:apiextensions.k8s.io:CustomResource", args, options);

/// <summary>Inputs of <see cref="CustomResource"/>.</summary>
internal sealed record CustomResourceArgs
{
    /// <summary>API version, e.g. <c>karpenter.sh/v1</c>.</summary>
    public required string ApiVersion { get; init; }

    /// <summary>Kind, e.g. <c>NodePool</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Metadata.</summary>
    public required ObjectMeta Metadata { get; init; }

    /// <summary>The spec: a typed record of the kind's schema.</summary>
    public required object Spec { get; init; }
}
