namespace GpuSlicingInfra.Components.Program;

/// <summary>A string-keyed map input (tags, labels); keys are written in ordinal order.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class InputMap<T> : IExpressible
{
    private InputMap(Expr expr) => Expr = expr;

    /// <summary>The expression written into the program.</summary>
    public Expr Expr { get; }

    /// <summary>A map whose values may each be a value or an output.</summary>
    public static InputMap<T> Of(IEnumerable<KeyValuePair<string, Input<T>>> entries) =>
        new(Expr.Map(entries.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => KeyValuePair.Create(e.Key, e.Value.Expr))));

    /// <summary>Values known at compile time.</summary>
    public static implicit operator InputMap<T>(Dictionary<string, T> values) => new(Expr.From(values));

    /// <summary>Values known at compile time.</summary>
    public static implicit operator InputMap<T>(SortedDictionary<string, T> values) => new(Expr.From(values));
}
