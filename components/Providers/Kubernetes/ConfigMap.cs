using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Kubernetes;

/// <summary><c>kubernetes:core/v1:ConfigMap</c>.</summary>
internal sealed class ConfigMap(PulumiProgram program, string name, ConfigMapArgs args, ResourceOptions? options = null)
    : Resource(program, name, "kubernetes:core/v1:ConfigMap", args, options);

/// <summary>Inputs of <see cref="ConfigMap"/>.</summary>
internal sealed record ConfigMapArgs
{
    /// <summary>Metadata.</summary>
    public required ObjectMeta Metadata { get; init; }

    /// <summary>String data by key.</summary>
    public required SortedDictionary<string, string> Data { get; init; }
}
