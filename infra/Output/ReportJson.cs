using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>JSON reports: camelCase members, enums as camelCase strings, nulls written (a stable shape), indented, one trailing newline.</summary>
internal static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Reports are read by people and tools, never embedded in HTML: keep ×, → and ' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write<T>(TextWriter writer, T report)
    {
        writer.Write(JsonSerializer.Serialize(report, Options).ReplaceLineEndings("\n"));
        writer.Write('\n');
        writer.Flush();
    }
}
