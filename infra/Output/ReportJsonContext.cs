using System.Text.Json.Serialization;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Review.Policy;

namespace GpuSlicingInfra.Cli.Output;

/// <summary>
/// Build-time JSON metadata of the reports, so <c>--format json</c> works in the trimmed Native AOT build
/// (reflection-based serialization would be trimmed away). Naming and formatting live in <see cref="ReportJson"/>.
/// </summary>
[JsonSerializable(typeof(StackPlan))]
[JsonSerializable(typeof(ValidationReport))]
[JsonSerializable(typeof(PolicySeverity))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
