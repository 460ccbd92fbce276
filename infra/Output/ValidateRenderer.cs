using GpuSlicingInfra.Review.Policy;
using Spectre.Console;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>The text form of <c>validate</c>: one row per finding, then a summary line.</summary>
internal static class ValidateRenderer
{
    // byResource: a program file's findings name the resource where a stack's name the config key path.
    public static void Render(TextWriter writer, ValidationReport report, string subject, bool byResource, int? width)
    {
        var console = ReportConsole.Create(writer, width);
        if (report.Findings.Count > 0)
        {
            var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Markup.Escape(TerminalText.Safe($"validate: {subject}"))) };
            foreach (var column in new[] { "Severity", "Rule", byResource ? "Resource" : "Key path", "Message" })
            {
                table.AddColumn(new TableColumn(new Text(column)));
            }
            foreach (var f in report.Findings)
            {
                table.AddRow(new Text(f.Severity == PolicySeverity.Error ? "error" : "warning"), new Text(TerminalText.Safe(f.RuleId)), new Text(TerminalText.Safe(f.KeyPath)), new Text(TerminalText.Safe(f.Message)));
            }
            console.Write(table);
        }
        writer.WriteLine(TerminalText.Safe($"{report.Errors} error(s), {report.Warnings} warning(s); {report.RulesChecked} policy rules checked{(report.Strict ? " (strict: warnings fail)" : "")}: {(report.Passed ? "passed" : "FAILED")}."));
        writer.Flush();
    }
}
