namespace GpuSlicingInfra.Components.Program;

/// <summary>A built-in function call, written as a single-key map <c>fn::NAME: ARGUMENT</c>.</summary>
/// <param name="Name">The function name without the <c>fn::</c> prefix, e.g. <c>toJSON</c>.</param>
/// <param name="Argument">The function's argument.</param>
public sealed record FunctionExpr(string Name, Expr Argument) : Expr;
