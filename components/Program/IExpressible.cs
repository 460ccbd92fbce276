namespace GpuSlicingInfra.Components.Program;

/// <summary>Anything that becomes one expression in the program.</summary>
public interface IExpressible
{
    /// <summary>The expression written into the program.</summary>
    Expr Expr { get; }
}
