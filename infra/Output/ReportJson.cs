using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GpuSlicingInfra.Review.Policy;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>JSON reports: camelCase members, enums as camelCase strings, nulls written (a stable shape), indented, one trailing newline.</summary>
internal static class ReportJson
{
    /// <summary>The report options; metadata comes from <see cref="ReportJsonContext"/>, never from reflection.</summary>
    internal static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Reports are read by people and tools, never embedded in HTML: keep ×, → and ' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // One converter per enum a report holds: the non-generic converter needs run-time code generation.
        Converters = { new JsonStringEnumConverter<PolicySeverity>(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = ReportJsonContext.Default,
    };

    public static void Write<T>(TextWriter writer, T report)
    {
        var typeInfo = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        writer.Write(JsonSerializer.Serialize(report, typeInfo).ReplaceLineEndings("\n"));
        writer.Write('\n');
        writer.Flush();
    }
}
