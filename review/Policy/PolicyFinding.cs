namespace GpuSlicingInfra.Review.Policy;

/// <summary>One violated rule.</summary>
/// <param name="RuleId">Rule id, e.g. <c>GSI002</c>; <c>CONFIG</c> for a config error.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong, citing the source id (e.g. <c>CKV_AWS_79</c>).</param>
/// <param name="KeyPath">The config key to change (or its closest section).</param>
/// <param name="Resource">The emitted resource at fault, if any.</param>
public sealed record PolicyFinding(string RuleId, PolicySeverity Severity, string Message, string KeyPath, string? Resource = null);
