using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>The JSON report: camelCase members, status as a camelCase string, indented, one trailing newline.</summary>
internal static class VerifyJson
{
    // Metadata from VerifyJsonContext, never reflection; the generic enum converter (the non-generic one needs run-time code).
    // Read by people and tools, never embedded in HTML: × and → stay readable.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<VerifyStatus>(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = VerifyJsonContext.Default,
    };

    public static void Write(TextWriter writer, VerifyReport report)
    {
        var typeInfo = (JsonTypeInfo<VerifyReport>)Options.GetTypeInfo(typeof(VerifyReport));
        writer.Write(JsonSerializer.Serialize(report, typeInfo).ReplaceLineEndings("\n"));
        writer.Write('\n');
        writer.Flush();
    }
}
