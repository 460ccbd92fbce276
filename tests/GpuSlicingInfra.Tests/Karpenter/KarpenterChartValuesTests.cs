using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Karpenter;

/// <summary>Every Helm value the program sets on the Karpenter release exists in upstream's values.yaml (v1.14.1).</summary>
public sealed class KarpenterChartValuesTests
{
    // Maps whose keys are the user's (labels, annotations, selectors), not the chart's.
    private static readonly HashSet<string> FreeForm = new(StringComparer.Ordinal)
    {
        "nodeSelector", "serviceAccount.annotations", "podAnnotations", "podLabels", "additionalLabels", "additionalAnnotations", "service.annotations",
    };

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    [InlineData("irsa-types")]
    public void Every_value_the_program_sets_exists_upstream(string programName)
    {
        var program = KarpenterCrdConformanceTests.Load(programName);
        var values = (YamlMappingNode)ParsedProgram.Node(program.Resource("karpenter-release"), "properties.values");
        var upstream = TypedYaml.Load(RepoPaths.SharedFile("upstream/karpenter/values.yaml"));

        var unknown = new List<string>();
        Walk(values, upstream, "", unknown);

        Assert.True(unknown.Count == 0, "Not in upstream values.yaml: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_walk_reports_a_misspelled_key()
    {
        var upstream = TypedYaml.Load(RepoPaths.SharedFile("upstream/karpenter/values.yaml"));
        var values = new YamlMappingNode(new YamlScalarNode("settings"), new YamlMappingNode(new YamlScalarNode("interuptionQueue"), new YamlScalarNode("q")));

        var unknown = new List<string>();
        Walk(values, upstream, "", unknown);

        Assert.Equal(["settings.interuptionQueue"], unknown);
    }

    private static void Walk(YamlMappingNode emitted, YamlMappingNode upstream, string prefix, List<string> unknown)
    {
        foreach (var (keyNode, value) in emitted.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (!upstream.Children.TryGetValue(new YamlScalarNode(key), out var upstreamValue))
            {
                unknown.Add(path);
                continue;
            }
            if (FreeForm.Contains(path) || value is not YamlMappingNode child)
            {
                continue;
            }
            if (upstreamValue is YamlMappingNode upstreamChild && upstreamChild.Children.Count > 0)
            {
                Walk(child, upstreamChild, path, unknown);
            }
            else if (upstreamValue is not YamlMappingNode)
            {
                unknown.Add(path + " (a map where upstream has a scalar or list)");
            }
        }
    }
}
