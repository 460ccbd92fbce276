namespace GpuSlicingInfra.Cli.Cli;

/// <summary>Process exit codes (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Invalid stack config or input files (missing, empty, malformed); or policy errors from <c>validate</c>.</summary>
    public const int InvalidInput = 1;

    /// <summary>Bad command line.</summary>
    public const int Usage = 2;

    /// <summary>A bug: an unexpected exception (details with <c>--verbose</c>).</summary>
    public const int InternalError = 70;
}
