namespace GpuSlicingInfra.Components.Program;

/// <summary>A list input: known elements, elements that are outputs, or a whole-list output.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class InputList<T> : IExpressible
{
    private InputList(Expr expr) => Expr = expr;

    /// <summary>The expression written into the program.</summary>
    public Expr Expr { get; }

    /// <summary>A list whose elements may each be a value or an output.</summary>
    public static InputList<T> Of(params IEnumerable<Input<T>> items) => new(Expr.List(items.Select(i => i.Expr)));

    /// <summary>Elements known at compile time.</summary>
    public static implicit operator InputList<T>(T[] values) => new(Expr.From(values));

    /// <summary>Elements known at compile time.</summary>
    public static implicit operator InputList<T>(List<T> values) => new(Expr.From(values));

    /// <summary>A list-valued output of another resource.</summary>
    public static implicit operator InputList<T>(Output<IReadOnlyList<T>> output) => new((Expr)output);
}
