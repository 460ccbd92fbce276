using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Review;

/// <summary>
/// The text plan fits the width it is given (COLUMNS, else 120 off a terminal) and never splits a word:
/// tables that do not fit become lists, prose wraps at spaces.
/// </summary>
public sealed class PlanLayoutTests
{
    private static string Plan(string stack, string? columns = null) =>
        CliRunner.Run(columns is null ? null : new Dictionary<string, string> { ["COLUMNS"] = columns }, "plan", "--stack", stack).Stdout;

    public static TheoryData<string, int> Widths() => new() { { "dev", 60 }, { "dev", 100 }, { "prod", 72 }, { "prod", 140 } };

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_line_fits_the_width_unless_it_is_one_word(string stack, int width)
    {
        var lines = Plan(stack, width.ToString(System.Globalization.CultureInfo.InvariantCulture)).Split('\n');

        Assert.All(lines, l => Assert.True(l.Length <= width || !l.Trim().Contains(' ', StringComparison.Ordinal), $"{l.Length} > {width}: {l}"));
    }

    [Fact]
    public void Off_a_terminal_without_COLUMNS_the_plan_is_120_columns()
    {
        var lines = Plan("prod").Split('\n');

        Assert.All(lines, l => Assert.True(l.Length <= 120 || !l.Trim().Contains(' ', StringComparison.Ordinal), l));
        Assert.Contains(lines, l => l.Length > 100);
    }

    [Theory]
    [InlineData("dev", "50")]
    [InlineData("prod", "50")]
    [InlineData("dev", "120")]
    [InlineData("prod", "120")]
    [InlineData("dev", "160")]
    [InlineData("prod", "100")]
    public void A_narrow_plan_keeps_every_word_of_the_wide_one_whole(string stack, string columns)
    {
        static HashSet<string> Words(string text) =>
            [.. text.Split([' ', '\n', '│', '─', '╭', '╮', '╰', '╯', '┬', '┴', '┼', '├', '┤', ','], StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd(':'))];
        var wide = Words(Plan(stack, "400"));
        var narrow = Words(Plan(stack, columns));

        var missing = wide.Where(w => w.Length > 3 && !narrow.Contains(w)).ToList();
        Assert.True(missing.Count == 0, "split or lost: " + string.Join(" ", missing.Take(20)));
    }

    [Fact]
    public void Each_pool_shows_its_sharing_strategy_and_spot_pools_say_spot()
    {
        var dev = Plan("dev", "400");

        Assert.Contains("│ Sharing ", dev, StringComparison.Ordinal);
        Assert.Contains("│ timeSlicing ", dev, StringComparison.Ordinal);
        Assert.Contains("g4dn.xlarge spot, priced at the on-demand $0.526", dev, StringComparison.Ordinal);
        Assert.DoesNotContain("on demand (max", dev, StringComparison.Ordinal);
    }

    [Fact]
    public void A_karpenter_only_pool_is_compared_without_sharing_at_its_node_limit()
    {
        // dev: t4 is Karpenter-only, 3 nodes max × 1 T4 × 10 replicas = 30 slices; as whole GPUs 30 × $0.526.
        var dev = Plan("dev", "400");

        Assert.Contains(dev.Split('\n'), l => l.StartsWith("│ t4 ", StringComparison.Ordinal) && l.Contains("│ max ", StringComparison.Ordinal)
            && l.Contains("│ 30 ", StringComparison.Ordinal) && l.Contains("│ $15.78 ", StringComparison.Ordinal) && l.Contains("│ $14.202 ", StringComparison.Ordinal));
    }
}
