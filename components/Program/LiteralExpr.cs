namespace GpuSlicingInfra.Components.Program;

/// <summary>A literal scalar: string, integer, floating-point number, boolean or null.</summary>
/// <param name="Value">The value; strings are written so that YAML reads them back as strings.</param>
public sealed record LiteralExpr(object? Value) : Expr;
