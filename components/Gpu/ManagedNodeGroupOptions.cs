namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// How a GPU pool gets nodes from an EKS managed node group: fixed sizes. Present on
/// <see cref="GpuPoolOptions.ManagedNodeGroup"/> when a node group provides the pool's nodes.
/// </summary>
public sealed record ManagedNodeGroupOptions
{
    /// <summary>Minimum nodes. Default: 0.</summary>
    public int MinSize { get; init; }

    /// <summary>Desired nodes. Default: 1.</summary>
    public int DesiredSize { get; init; } = 1;

    /// <summary>Maximum nodes (bounded spend). Default: 2.</summary>
    public int MaxSize { get; init; } = 2;

    /// <summary>Every problem with these options, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = new List<ArgsProblem>();
        if (MinSize < 0 || MinSize > DesiredSize || DesiredSize > MaxSize)
        {
            problems.Add(new(nameof(DesiredSize), $"sizes must satisfy 0 <= min ({MinSize}) <= desired ({DesiredSize}) <= max ({MaxSize})."));
        }
        if (MaxSize < 1)
        {
            problems.Add(new(nameof(MaxSize), $"{MaxSize} must be at least 1."));
        }
        return problems;
    }
}
