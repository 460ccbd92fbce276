using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>
/// A stack's raw config as Pulumi holds it: full keys (<c>namespace:key</c>) to values. Values from
/// <c>PULUMI_CONFIG</c> are strings (structured ones JSON-encoded); values from a stack file keep their
/// YAML types below the top level. The settings binder accepts both forms.
/// </summary>
/// <param name="StackName">The stack name.</param>
/// <param name="Values">Full key → value.</param>
/// <param name="Source">Where the config came from, for messages (a file path or <c>PULUMI_CONFIG</c>).</param>
public sealed record StackConfig(string StackName, IReadOnlyDictionary<string, JsonNode?> Values, string Source)
{
    /// <summary>The project's config namespace.</summary>
    public const string ProjectNamespace = "gpu-slicing-infra";

    /// <summary>
    /// Problems found while reading the stack file that do not stop reading (ambiguous scalars, tags, keys
    /// outside <c>config:</c>); the binder reports them with its own, so every problem is listed at once.
    /// </summary>
    public IReadOnlyList<ConfigProblem> Problems { get; init; } = [];
}
