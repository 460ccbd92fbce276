using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Kubernetes;

/// <summary><c>kubernetes:scheduling.k8s.io/v1:PriorityClass</c> (cluster-scoped).</summary>
internal sealed class PriorityClass(PulumiProgram program, string name, PriorityClassArgs args, ResourceOptions? options = null)
    : Resource(program, name, "kubernetes:scheduling.k8s.io/v1:PriorityClass", args, options);

/// <summary>Inputs of <see cref="PriorityClass"/>.</summary>
internal sealed record PriorityClassArgs
{
    /// <summary>Metadata (the class name pods put in <c>priorityClassName</c>).</summary>
    public required ObjectMeta Metadata { get; init; }

    /// <summary>The priority; higher schedules first.</summary>
    public required int Value { get; init; }

    /// <summary><c>PreemptLowerPriority</c> or <c>Never</c>.</summary>
    public required string PreemptionPolicy { get; init; }

    /// <summary>Whether pods without a class get this one.</summary>
    public bool GlobalDefault { get; init; }

    /// <summary>When to use the class.</summary>
    public required string Description { get; init; }
}
