using System.CommandLine;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary><c>--format text|json</c> of the report commands (<c>plan</c> adds <c>html</c>).</summary>
internal static class FormatOption
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Html = "html";

    /// <param name="more">Formats besides text and json that the command also writes.</param>
    public static Option<string> Create(params string[] more)
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: text (tables for people) or json (stable schema for machines)"
                + (more.Contains(Html) ? ", or html (one self-contained page with the pools drawn)." : "."),
            DefaultValueFactory = _ => Text,
        };
        option.AcceptOnlyFromAmong([Text, Json, .. more]);
        return option;
    }
}
