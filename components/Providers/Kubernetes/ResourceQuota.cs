using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Kubernetes;

/// <summary><c>kubernetes:core/v1:ResourceQuota</c>.</summary>
internal sealed class ResourceQuota(PulumiProgram program, string name, ResourceQuotaArgs args, ResourceOptions? options = null)
    : Resource(program, name, "kubernetes:core/v1:ResourceQuota", args, options);

/// <summary>Inputs of <see cref="ResourceQuota"/>.</summary>
internal sealed record ResourceQuotaArgs
{
    /// <summary>Metadata (name and namespace).</summary>
    public required ObjectMeta Metadata { get; init; }

    /// <summary>The quota.</summary>
    public required ResourceQuotaSpec Spec { get; init; }
}

/// <summary>A ResourceQuota's spec.</summary>
/// <param name="Hard">Quota item (<c>requests.nvidia.com/gpu</c>) → the most all pods of the namespace may hold.</param>
internal sealed record ResourceQuotaSpec(SortedDictionary<string, string> Hard);
