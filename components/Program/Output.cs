namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// A typed reference to a value known only after deployment (a resource output, a variable or
/// an invoke result). It is written as <c>${…}</c> in the program.
/// </summary>
/// <typeparam name="T">The CLR shape of the value, for type-checking the wiring between resources.</typeparam>
public sealed class Output<T>
{
    /// <summary>Wraps a reference expression.</summary>
    public Output(ReferenceExpr reference) => Reference = reference;

    /// <summary>The reference written into the program.</summary>
    public ReferenceExpr Reference { get; }

    /// <summary>A nested output of this value.</summary>
    public Output<TProperty> Property<TProperty>(string name) => new(Reference.Property(name));

    /// <summary>Uses the output as an expression.</summary>
    public static implicit operator Expr(Output<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.Reference;
    }

    /// <inheritdoc />
    public override string ToString() => Reference.ToExpressionText();
}
