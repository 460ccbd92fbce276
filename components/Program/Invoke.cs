namespace GpuSlicingInfra.Components.Program;

/// <summary><c>fn::invoke</c>: a provider function call evaluated at deployment time.</summary>
public static class Invoke
{
    /// <summary>Calls <paramref name="function"/> and selects one field of its result, or the whole result when <paramref name="returnField"/> is null.</summary>
    /// <param name="function">The function token, e.g. <c>aws:getCallerIdentity</c>.</param>
    /// <param name="arguments">The typed arguments; null for none.</param>
    /// <param name="returnField">The result field to return; null for the whole result (pulumi-yaml run.go <c>evaluateBuiltinInvoke</c> returns it when <c>return</c> is empty), whose fields references then reach (<c>${lookup.endpoint}</c>).</param>
    /// <param name="pluginVersion">
    /// The provider plugin version, written as <c>options.version</c> so the call runs on the same pinned
    /// plugin as the resources rather than whatever version is installed (pulumi-yaml <c>InvokeOptionsDecl</c>).
    /// </param>
    public static Expr Call(string function, object? arguments, string? returnField, string pluginVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginVersion);
        var entries = new List<KeyValuePair<string, Expr>> { KeyValuePair.Create("function", Expr.Text(function)) };
        if (ValueConverter.ToExpr(arguments) is MapExpr { Entries.Count: > 0 } args)
        {
            entries.Add(KeyValuePair.Create<string, Expr>("arguments", args));
        }
        entries.Add(KeyValuePair.Create<string, Expr>("options", Expr.Map([KeyValuePair.Create("version", Expr.Text(pluginVersion))])));
        if (returnField is not null)
        {
            entries.Add(KeyValuePair.Create("return", Expr.Text(returnField)));
        }
        return new FunctionExpr("invoke", new MapExpr(entries));
    }
}
