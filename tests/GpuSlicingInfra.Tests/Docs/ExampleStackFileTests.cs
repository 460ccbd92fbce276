using System.Text.RegularExpressions;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Docs;

/// <summary>The complete stack file that opens the README's configuration reference compiles and shows every section.</summary>
public sealed partial class ExampleStackFileTests
{
    [Fact]
    public void The_readme_example_compiles_and_sets_every_top_level_key()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var example = ExampleBlock().Match(readme);
        Assert.True(example.Success, "README has no '# Pulumi.staging.yaml' example block");

        var config = StackFixtures.Inline(example.Groups["yaml"].Value, "staging");
        var settings = SettingsBinder.Bind(config);

        Assert.Equal("staging", settings.Platform.Environment);
        foreach (var key in SettingsBinder.TopLevelKeys())
        {
            Assert.True(config.Values.ContainsKey("gpu-slicing-infra:" + key), $"the example does not show '{key}'");
        }
    }

    [GeneratedRegex(@"```yaml\n# Pulumi\.staging\.yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
