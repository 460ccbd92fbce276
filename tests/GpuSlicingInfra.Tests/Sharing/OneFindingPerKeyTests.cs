using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Sharing;

/// <summary>Issue 13 item 7: a mistake is reported once, at its key, in the words of the setting it concerns.</summary>
public sealed class OneFindingPerKeyTests
{
    private const string Replicas = "gpu-slicing-infra:devicePlugin.profiles.ts-4.replicas";

    private static IReadOnlyList<ConfigProblem> Problems(string yaml) =>
        Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(yaml))).Problems;

    [Theory]
    [InlineData("replicas: 1025")]
    [InlineData("replicas: -3")]
    [InlineData("replicas: lots")]
    [InlineData("strategy: timeSlicing")]
    [InlineData("strategy: mps")]
    public void A_replicas_value_the_binder_refuses_is_not_validated_again(string profileBody)
    {
        var problems = Problems(StackFixtures.MinimalYaml().Replace("replicas: 4", profileBody, StringComparison.Ordinal));

        var finding = Assert.Single(problems, p => p.KeyPath == Replicas);
        Assert.DoesNotContain("is below", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_gets_at_most_one_finding()
    {
        var problems = Problems(StackFixtures.MinimalYaml().Replace("replicas: 4", "replicas: 1025\n        renameByDefault: maybe", StringComparison.Ordinal)
            .Replace("profile: ts-4", "profile: ts-4\n      maxSize: -1", StringComparison.Ordinal));

        Assert.All(problems.GroupBy(p => p.KeyPath), g => Assert.Single(g));
    }

    [Fact]
    public void Several_profiles_without_a_default_ask_for_one_by_name()
    {
        var problems = Problems(StackFixtures.MinimalYaml().Replace("        replicas: 4", "        replicas: 4\n      whole:\n        strategy: none", StringComparison.Ordinal));

        var finding = Assert.Single(problems, p => p.KeyPath == "gpu-slicing-infra:devicePlugin.defaultProfile");
        Assert.Equal("defaultProfile is required when there is more than one profile; choose one of: ts-4, whole.", finding.Message);
    }

    [Theory]
    [InlineData("timeSlicing", "replicas: 1", "time-slicing")]
    [InlineData("mps", "replicas: 1", "MPS")]
    [InlineData("mps", "replicas: 49", "MPS")]
    public void Replica_bounds_name_their_own_strategy(string strategy, string replicas, string word)
    {
        var problems = Problems(StackFixtures.MinimalYaml().Replace("replicas: 4", $"strategy: {strategy}\n        {replicas}", StringComparison.Ordinal));

        var finding = Assert.Single(problems, p => p.KeyPath == Replicas);
        Assert.Contains(word, finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(word == "MPS" ? "time-slicing" : "MPS", finding.Message, StringComparison.Ordinal);
    }
}
