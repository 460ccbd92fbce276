namespace GpuSlicingInfra.Components.Program;

/// <summary>A YAML mapping whose keys are written in the given order.</summary>
/// <param name="Entries">The entries, in order; keys are unique.</param>
public sealed record MapExpr(IReadOnlyList<KeyValuePair<string, Expr>> Entries) : Expr
{
    /// <summary>The value for a key, or null when absent.</summary>
    public Expr? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    /// <inheritdoc />
    public bool Equals(MapExpr? other) => other is not null && Entries.SequenceEqual(other.Entries);

    /// <inheritdoc />
    public override int GetHashCode() => Entries.Count;
}
