using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Autoscaling;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Karpenter;

public sealed class KarpenterValidationTests
{
    private static IReadOnlyList<ArgsProblem> Problems(GpuPoolOptions pool) => TestPrograms.KarpenterPlatformArgs(pool).Validate();

    [Fact]
    public void Overlay_shared_needs_a_renaming_profile()
    {
        var problems = Problems(TestPrograms.KarpenterPool("t4", KarpenterMode.OverlayShared) with { Profile = "ts-4" });

        var problem = Assert.Single(problems);
        Assert.Equal("GpuPools[t4].Karpenter.Mode", problem.Field);
        Assert.Contains("renameByDefault", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlay_override_and_plain_reject_a_renaming_profile()
    {
        Assert.Contains(Problems(TestPrograms.KarpenterPool("t4", KarpenterMode.OverlayOverride) with { Profile = "ts-4-shared" }),
            p => p.Field == "GpuPools[t4].Karpenter.Mode" && p.Message.Contains("overlay-shared", StringComparison.Ordinal));
        Assert.Contains(Problems(TestPrograms.KarpenterPool("t4", KarpenterMode.Plain) with { Profile = "ts-4-shared" }),
            p => p.Field == "GpuPools[t4].Karpenter.Mode");
    }

    [Fact]
    public void Karpenter_pools_need_karpenter_enabled()
    {
        var args = TestPrograms.KarpenterPlatformArgs(TestPrograms.KarpenterPool("t4", KarpenterMode.OverlayShared)) with { Karpenter = new KarpenterOptions() };

        Assert.Contains(args.Validate(), p => p.Field == "GpuPools[t4].Karpenter");
        Assert.Throws<ArgsValidationException>(() => TestPrograms.Platform(args));
    }

    [Fact]
    public void Karpenter_settings_are_validated_when_enabled()
    {
        var args = TestPrograms.KarpenterPlatformArgs(TestPrograms.KarpenterPool("t4", KarpenterMode.OverlayShared)) with
        {
            Karpenter = new KarpenterOptions { Enabled = true, ChartVersion = "1.x", AmiAlias = "bottlerocket@latest", Replicas = 0 },
        };

        var fields = args.Validate().Select(p => p.Field).ToList();

        Assert.Contains("Karpenter.ChartVersion", fields);
        Assert.Contains("Karpenter.AmiAlias", fields);
        Assert.Contains("Karpenter.Replicas", fields);
    }

    [Fact]
    public void Pool_limits_durations_budgets_and_reserved_labels_are_checked()
    {
        var pool = TestPrograms.KarpenterPool("t4", KarpenterMode.OverlayShared) with
        {
            Karpenter = new() { MaxNodes = 0, ExpireAfter = TimeSpan.FromMinutes(5), DisruptionBudget = "ten" },
            Labels = new Dictionary<string, string> { ["karpenter.sh/nodepool"] = "x" },
        };

        var fields = pool.Validate().Select(p => p.Field).ToList();

        Assert.Equal(["Karpenter.MaxNodes", "Karpenter.ExpireAfter", "Karpenter.DisruptionBudget", "Labels"], fields);
    }

    [Fact]
    public void Plain_sharing_pools_get_an_over_buying_warning()
    {
        var args = TestPrograms.KarpenterPlatformArgs(TestPrograms.KarpenterPool("t4", KarpenterMode.Plain));

        var warning = Assert.Single(KarpenterWarnings.For(args));
        Assert.Equal("GpuPools[t4].Karpenter.Mode", warning.Field);
        Assert.Contains("physical GPUs", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_with_a_floating_ami_and_overlay_modes_get_warnings()
    {
        var args = TestPrograms.KarpenterPlatformArgs(TestPrograms.KarpenterPool("t4", KarpenterMode.OverlayOverride)) with { Environment = "prod" };

        var fields = KarpenterWarnings.For(args).Select(w => w.Field).ToList();

        Assert.Contains("Karpenter.AmiAlias", fields);
        Assert.Contains("GpuPools[t4].Karpenter.Mode", fields);
        Assert.Empty(KarpenterWarnings.For(TestPrograms.PlatformArgs()));
    }
}
