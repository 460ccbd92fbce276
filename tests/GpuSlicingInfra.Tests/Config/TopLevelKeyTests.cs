using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Tests.Config;

/// <summary>
/// The compiler uses a written-out list of top-level keys instead of probing the binder on every run; it must stay
/// the probe's first segments, in the same order, or a program name could collide with a new config key.
/// </summary>
public sealed class TopLevelKeyTests
{
    [Fact]
    public void The_listed_top_level_keys_are_the_first_segments_of_the_keys_the_binder_reads()
    {
        var probed = SettingsBinder.KnownKeys().Select(k => k.Split('.')[0]).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(probed, SettingsBinder.TopLevelKeys());
    }
}
