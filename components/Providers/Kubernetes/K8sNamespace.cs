using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Kubernetes;

/// <summary><c>kubernetes:core/v1:Namespace</c>.</summary>
public sealed class K8sNamespace(PulumiProgram program, string name, NamespaceArgs args, ResourceOptions? options = null)
    : Resource(program, name, "kubernetes:core/v1:Namespace", args, options);

/// <summary>Inputs of <see cref="K8sNamespace"/>.</summary>
public sealed record NamespaceArgs
{
    /// <summary>Metadata.</summary>
    public required ObjectMeta Metadata { get; init; }
}
