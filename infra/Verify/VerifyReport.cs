namespace GpuSlicingInfra.Cli.Verify;

/// <summary>The result of <c>verify</c>, also its <c>--format json</c> shape (camelCase members; a new member is fine, a renamed one needs a new schema version).</summary>
/// <param name="SchemaVersion">Version of this shape.</param>
/// <param name="Subject"><c>stack NAME</c> or <c>program FILE</c>.</param>
/// <param name="Server">The API server read.</param>
/// <param name="Passed">No mismatch.</param>
/// <param name="Mismatches">Number of mismatch findings.</param>
/// <param name="Findings">Every check's line, in check order.</param>
internal sealed record VerifyReport(int SchemaVersion, string Subject, string Server, bool Passed, int Mismatches, IReadOnlyList<VerifyFinding> Findings)
{
    public static VerifyReport Of(string subject, string server, IReadOnlyList<VerifyFinding> findings)
    {
        var mismatches = findings.Count(f => f.Status == VerifyStatus.Mismatch);
        return new VerifyReport(1, subject, server, mismatches == 0, mismatches, findings);
    }
}
