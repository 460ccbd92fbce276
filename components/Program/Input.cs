namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// A resource input: either a value known at compile time or an <see cref="Output{T}"/> of
/// another resource. The type parameter keeps the wiring type-safe.
/// </summary>
/// <typeparam name="T">The CLR type of the input.</typeparam>
public sealed class Input<T> : IExpressible
{
    private Input(Expr expr) => Expr = expr;

    /// <summary>The expression written into the program.</summary>
    public Expr Expr { get; }

    /// <summary>An input whose value is computed by an expression, e.g. an interpolation.</summary>
    public static Input<T> FromExpr(Expr expr) => new(expr);

    /// <summary>A value known at compile time.</summary>
    public static implicit operator Input<T>(T value) => new(Expr.From(value));

    /// <summary>An output of another resource.</summary>
    public static implicit operator Input<T>(Output<T> output) => new((Expr)output);
}
