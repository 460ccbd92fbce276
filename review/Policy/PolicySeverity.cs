namespace GpuSlicingInfra.Review.Policy;

/// <summary>How much a finding matters to <c>validate</c>'s exit code.</summary>
public enum PolicySeverity
{
    /// <summary>Fails <c>validate</c> (exit 1).</summary>
    Error,

    /// <summary>Reported; fails only with <c>--strict</c>.</summary>
    Warning,
}
