using System.CommandLine;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary><c>--format text|json</c> of the report commands.</summary>
internal static class FormatOption
{
    public const string Text = "text";
    public const string Json = "json";

    public static Option<string> Create()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: text (tables for people) or json (stable schema for machines).",
            DefaultValueFactory = _ => Text,
        };
        option.AcceptOnlyFromAmong(Text, Json);
        return option;
    }
}
