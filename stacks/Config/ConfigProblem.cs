namespace GpuSlicingInfra.Stacks.Config;

/// <summary>One problem with stack config: the full key path (e.g. <c>gpu-slicing-infra:gpuPools.t4.maxSize</c>) and what is wrong.</summary>
/// <param name="KeyPath">The config key path.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ConfigProblem(string KeyPath, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{KeyPath}: {Message}";
}
