using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>
/// The text report: one line per finding (<c>ok</c>, <c>MISMATCH</c>, <c>note</c>), then the verdict. Names and messages come
/// from the cluster, so control characters are escaped as in every report.
/// </summary>
internal static class VerifyRenderer
{
    public static void Render(TextWriter writer, VerifyReport report)
    {
        writer.WriteLine($"verify {Printable(report.Subject)} against {Printable(report.Server)}");
        foreach (var finding in report.Findings)
        {
            var status = finding.Status switch
            {
                VerifyStatus.Mismatch => "MISMATCH",
                VerifyStatus.Note => "note",
                _ => "ok",
            };
            writer.WriteLine($"{status,-9}{finding.Check,-22}{Printable(finding.Subject)}: {Printable(finding.Message)}");
        }
        writer.WriteLine(report.Passed
            ? "result: the cluster matches the program"
            : $"result: {report.Mismatches} mismatch{(report.Mismatches == 1 ? "" : "es")}");
        writer.Flush();
    }

    private static string Printable(string text) => StackInputLimits.Printable(text, 2000);
}
