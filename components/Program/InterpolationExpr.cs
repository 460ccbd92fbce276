namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// A string built from literal text and references, written as <c>"text-${res.prop}-more"</c>.
/// </summary>
/// <param name="Parts">Literal strings and <see cref="ReferenceExpr"/> parts, in order.</param>
public sealed record InterpolationExpr(IReadOnlyList<object> Parts) : Expr
{
    /// <summary>Builds an interpolation from strings and references.</summary>
    public static InterpolationExpr Of(params object[] parts)
    {
        foreach (var part in parts)
        {
            if (part is not string and not ReferenceExpr)
            {
                throw new ArgumentException(
                    $"Interpolation parts must be strings or references, got {part?.GetType().Name ?? "null"}.", nameof(parts));
            }
        }
        return new InterpolationExpr(parts);
    }

    /// <inheritdoc />
    public bool Equals(InterpolationExpr? other) => other is not null && Parts.SequenceEqual(other.Parts);

    /// <inheritdoc />
    public override int GetHashCode() => Parts.Count;
}
