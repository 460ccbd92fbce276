using GpuSlicingInfra.Review.Policy;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>The result of <c>validate</c>, also its <c>--format json</c> shape.</summary>
/// <param name="SchemaVersion">Version of this shape.</param>
/// <param name="Stack">Stack name.</param>
/// <param name="Strict">Whether warnings fail.</param>
/// <param name="Passed">Whether the exit code is 0.</param>
/// <param name="Errors">Number of errors.</param>
/// <param name="Warnings">Number of warnings.</param>
/// <param name="RulesChecked">Policy rules run (0 when the config itself is invalid).</param>
/// <param name="Findings">Every finding, errors first.</param>
internal sealed record ValidationReport(int SchemaVersion, string Stack, bool Strict, bool Passed, int Errors, int Warnings, int RulesChecked, IReadOnlyList<PolicyFinding> Findings)
{
    public static ValidationReport Of(string stack, bool strict, int rulesChecked, IReadOnlyList<PolicyFinding> findings)
    {
        var errors = findings.Count(f => f.Severity == PolicySeverity.Error);
        var warnings = findings.Count - errors;
        return new ValidationReport(1, stack, strict, errors == 0 && (!strict || warnings == 0), errors, warnings, rulesChecked, findings);
    }
}
