using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Kubernetes;

/// <summary><c>kubernetes:core/v1:Namespace</c>.</summary>
internal sealed class K8sNamespace(PulumiProgram program, string name, NamespaceArgs args, ResourceOptions? options = null)
    : Resource(program, name, "kubernetes:core/v1:Namespace", args, options);

/// <summary>Inputs of <see cref="K8sNamespace"/>.</summary>
internal sealed record NamespaceArgs
{
    /// <summary>Metadata.</summary>
    public required ObjectMeta Metadata { get; init; }
}
