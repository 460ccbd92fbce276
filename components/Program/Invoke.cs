namespace GpuSlicingInfra.Components.Program;

/// <summary><c>fn::invoke</c>: a provider function call evaluated at deployment time.</summary>
public static class Invoke
{
    /// <summary>Calls <paramref name="function"/> and selects one field of its result.</summary>
    /// <param name="function">The function token, e.g. <c>aws:getCallerIdentity</c>.</param>
    /// <param name="arguments">The typed arguments; null for none.</param>
    /// <param name="returnField">The result field to return.</param>
    public static Expr Call(string function, object? arguments, string returnField)
    {
        var entries = new List<KeyValuePair<string, Expr>> { KeyValuePair.Create("function", Expr.Text(function)) };
        if (ValueConverter.ToExpr(arguments) is MapExpr { Entries.Count: > 0 } args)
        {
            entries.Add(KeyValuePair.Create<string, Expr>("arguments", args));
        }
        entries.Add(KeyValuePair.Create("return", Expr.Text(returnField)));
        return new FunctionExpr("invoke", new MapExpr(entries));
    }
}
