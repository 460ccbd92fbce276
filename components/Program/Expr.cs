namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// A value in a Pulumi YAML program: a literal, a list, a map, a reference to another
/// resource's output, an interpolated string or a built-in function call.
/// </summary>
public abstract record Expr
{
    /// <summary>The YAML <c>null</c>.</summary>
    public static Expr Null { get; } = new LiteralExpr(null);

    /// <summary>A literal string. A <c>${</c> inside it is escaped so it stays text.</summary>
    public static Expr Text(string value) => new LiteralExpr(value);

    /// <summary>A literal integer.</summary>
    public static Expr Number(long value) => new LiteralExpr(value);

    /// <summary>A literal floating-point number.</summary>
    public static Expr Number(double value) => new LiteralExpr(value);

    /// <summary>A literal boolean.</summary>
    public static Expr Bool(bool value) => new LiteralExpr(value);

    /// <summary>A list of values.</summary>
    public static Expr List(IEnumerable<Expr> items) => new ListExpr([.. items]);

    /// <summary>A map of values; keys are written in the order given.</summary>
    public static MapExpr Map(IEnumerable<KeyValuePair<string, Expr>> entries) => new([.. entries]);

    /// <summary><c>fn::toJSON</c>: the value serialized to a JSON string at deployment time.</summary>
    public static Expr ToJson(Expr value) => new FunctionExpr("toJSON", value);

    /// <summary><c>fn::secret</c>: marks the value as secret in Pulumi's state and outputs.</summary>
    public static Expr Secret(Expr value) => new FunctionExpr("secret", value);

    /// <summary><c>fn::join</c>: joins the values with the delimiter.</summary>
    public static Expr Join(string delimiter, IEnumerable<Expr> values) =>
        new FunctionExpr("join", List([Text(delimiter), List(values)]));

    /// <summary><c>fn::select</c>: one element of a list.</summary>
    public static Expr Select(int index, Expr list) => new FunctionExpr("select", List([Number(index), list]));

    /// <summary><c>fn::toBase64</c>: the value base64-encoded.</summary>
    public static Expr ToBase64(Expr value) => new FunctionExpr("toBase64", value);

    /// <summary>Converts a CLR value (string, number, bool, list, map, args record, or expression) to an expression.</summary>
    public static Expr From(object? value) => ValueConverter.ToExpr(value) ?? Null;
}
