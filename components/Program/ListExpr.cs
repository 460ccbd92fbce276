namespace GpuSlicingInfra.Components.Program;

/// <summary>A YAML sequence.</summary>
/// <param name="Items">The elements, in order.</param>
public sealed record ListExpr(IReadOnlyList<Expr> Items) : Expr
{
    /// <inheritdoc />
    public bool Equals(ListExpr? other) => other is not null && Items.SequenceEqual(other.Items);

    /// <inheritdoc />
    public override int GetHashCode() => Items.Count;
}
