using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Settings;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Sharing;

/// <summary>One-profile, one-pool stacks for the MPS and MIG tests.</summary>
internal static class SharingStacks
{
    /// <summary>A stack whose profile <c>p</c> has <paramref name="profile"/> (YAML lines) and whose pool <c>gpu</c> has <paramref name="pool"/>.</summary>
    public static string Yaml(string profile, string pool, bool karpenter = false)
    {
        var profileLines = string.Join("\n", profile.Split('\n').Select(l => "        " + l));
        var poolLines = string.Join("\n", pool.Split('\n').Select(l => "      " + l));
        return $"config:\n  gpu-slicing-infra:devicePlugin:\n    profiles:\n      p:\n{profileLines}\n" +
            (karpenter ? "  gpu-slicing-infra:karpenter:\n    enabled: true\n" : "") +
            $"  gpu-slicing-infra:gpuPools:\n    gpu:\n      profile: p\n{poolLines}\n";
    }

    public static IReadOnlyList<ConfigProblem> Problems(string yaml) =>
        Assert.Throws<ConfigException>(() => SettingsBinder.Bind(StackFixtures.Inline(yaml))).Problems;

    public static StackSettings Bind(string yaml) => SettingsBinder.Bind(StackFixtures.Inline(yaml));

    public static ParsedProgram Program(string yaml) => TestPrograms.Platform(Bind(yaml).Platform);
}
