namespace GpuSlicingInfra.Components;

/// <summary>One problem with an args record: the field and what is wrong with it.</summary>
/// <param name="Field">The args member, e.g. <c>Replicas</c> or <c>Pools[0].MaxSize</c>.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ArgsProblem(string Field, string Message)
{
    /// <summary>The problem with its field placed under a parent path.</summary>
    public ArgsProblem Under(string parent) => this with { Field = parent + "." + Field };

    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}
