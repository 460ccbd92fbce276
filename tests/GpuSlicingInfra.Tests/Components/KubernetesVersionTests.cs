using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Review.Cost;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Components;

/// <summary>
/// The EKS calendar (14 months of standard support from release, then 12 of extended support at six
/// times the control-plane price) drives the accepted versions, the AMI alias check and the plan.
/// </summary>
public sealed class KubernetesVersionTests
{
    private static string Stack(string version, string amiAlias = "al2023@latest") => StackFixtures.MinimalYaml($"""
          gpu-slicing-infra:cluster:
            kubernetesVersion: "{version}"
          gpu-slicing-infra:karpenter:
            enabled: true
            amiAlias: {amiAlias}
        """);

    [Fact]
    public void Every_calendar_entry_follows_the_fourteen_plus_twelve_month_rule()
    {
        foreach (var v in KubernetesVersions.Calendar)
        {
            Assert.Equal(v.Released.AddMonths(14), v.EndOfStandardSupport);
            Assert.Equal(v.EndOfStandardSupport.AddMonths(12), v.EndOfExtendedSupport);
        }
        Assert.Equal(KubernetesVersions.Calendar.OrderBy(v => v.Released).Select(v => v.Version), KubernetesVersions.Supported);
    }

    [Fact]
    public void The_default_is_the_newest_version_and_no_accepted_version_has_left_extended_support()
    {
        Assert.Equal(KubernetesVersions.Default, KubernetesVersions.Supported[^1]);
        Assert.All(KubernetesVersions.Calendar, v => Assert.NotEqual(KubernetesSupportPhase.Ended, v.PhaseOn(FixedClock.Today)));
    }

    [Fact]
    public void A_version_past_extended_support_is_refused_naming_the_key()
    {
        var error = Assert.Throws<ConfigException>(() => ReviewFixtures.Compile(StackFixtures.Inline(Stack("1.31"))));

        Assert.Contains(error.Problems, p => p.KeyPath == "gpu-slicing-infra:cluster.kubernetesVersion" && p.Message.Contains("1.32, 1.33, 1.34, 1.35, 1.36", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-11-29", "0.10", "leaves standard support on 2026-12-02 (in 3 days)")]
    [InlineData("2026-12-03", "0.60", "is in extended support until 2027-12-02")]
    public void Plan_prices_the_control_plane_by_the_support_phase_of_the_day_and_warns(string day, string rate, string warning)
    {
        var (settings, program) = ReviewFixtures.Compile(StackFixtures.Inline(Stack("1.34")));

        var plan = ReviewFixtures.Plan(settings, program, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        var controlPlane = Assert.Single(plan.FixedCosts, c => c.Item == "eksControlPlane");
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), controlPlane.AtDesired.Hourly);
        Assert.Contains("Kubernetes 1.34", controlPlane.Detail, StringComparison.Ordinal);
        var kubernetes = Assert.Single(plan.Warnings, w => w.Code == KubernetesSupportWarnings.Code);
        Assert.Contains(warning, kubernetes.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade to 1.35", kubernetes.Message, StringComparison.Ordinal);
        Assert.Equal("gpu-slicing-infra:cluster.kubernetesVersion", kubernetes.KeyPath);
    }

    [Fact]
    public void A_version_far_from_the_end_of_standard_support_gets_no_warning_and_the_standard_price()
    {
        var (settings, program) = ReviewFixtures.Compile(StackFixtures.Inline(Stack("1.36")));

        var plan = ReviewFixtures.Plan(settings, program, FixedClock.Today);

        Assert.DoesNotContain(plan.Warnings, w => w.Code == KubernetesSupportWarnings.Code);
        Assert.Equal(HourlyRates.EksControlPlaneUsd, Assert.Single(plan.FixedCosts, c => c.Item == "eksControlPlane").AtDesired.Hourly);
    }

    [Theory]
    [InlineData("1.36", "al2023@v20260415", "predates Kubernetes 1.36 on EKS (2026-06-02)")]
    [InlineData("1.35", "al2023@v20261399", "is not a date")]
    [InlineData("1.35", "bottlerocket@latest", "Bottlerocket's NVIDIA variant runs its own device plugin")]
    [InlineData("1.35", "windows2022@latest", "Windows nodes get no GPU support")]
    public void An_ami_alias_that_cannot_exist_or_is_not_al2023_is_refused_saying_why(string version, string alias, string reason)
    {
        var error = Assert.Throws<ConfigException>(() => ReviewFixtures.Compile(StackFixtures.Inline(Stack(version, alias))));

        Assert.Contains(error.Problems, p => p.KeyPath == "gpu-slicing-infra:karpenter.amiAlias" && p.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_pinned_ami_released_after_the_version_is_accepted()
    {
        var (settings, _) = ReviewFixtures.Compile(StackFixtures.Inline(Stack("1.36", "al2023@v20260610")));

        Assert.Equal("al2023@v20260610", settings.Platform.Karpenter.AmiAlias);
    }
}
