using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>Build-time JSON metadata of the verify report, so <c>--format json</c> works in the Native AOT build (no reflection).</summary>
[JsonSerializable(typeof(VerifyReport))]
internal sealed partial class VerifyJsonContext : JsonSerializerContext
{
    // camelCase members, enums as camelCase strings (the generic converter: the non-generic one needs run-time code),
    // indented; read by people and tools, never embedded in HTML, so × and → stay readable.
    private static readonly JsonSerializerOptions ReportOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<VerifyStatus>(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = Default,
    };

    /// <summary>Writes the report with one trailing newline.</summary>
    public static void Write(TextWriter writer, VerifyReport report)
    {
        var typeInfo = (JsonTypeInfo<VerifyReport>)ReportOptions.GetTypeInfo(typeof(VerifyReport));
        writer.Write(JsonSerializer.Serialize(report, typeInfo).ReplaceLineEndings("\n"));
        writer.Write('\n');
        writer.Flush();
    }
}
