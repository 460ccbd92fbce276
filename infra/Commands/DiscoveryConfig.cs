using System.Text.Json.Nodes;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>
/// The config used when Pulumi runs the compiler without a stack (plugin discovery): the smallest
/// valid stack. Every program references the same provider packages at the same pinned versions.
/// </summary>
internal static class DiscoveryConfig
{
    public const string StackName = "plugin-discovery";

    public static StackConfig Create() => new(StackName, new Dictionary<string, JsonNode?>
    {
        [$"{StackConfig.ProjectNamespace}:devicePlugin"] = JsonNode.Parse("""{"profiles":{"exclusive":{"strategy":"none"}}}"""),
    }, "built-in discovery config");
}
