using System.Text.Json.Serialization;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>Build-time JSON metadata of the verify report, so <c>--format json</c> works in the Native AOT build (no reflection).</summary>
[JsonSerializable(typeof(VerifyReport))]
internal sealed partial class VerifyJsonContext : JsonSerializerContext;
