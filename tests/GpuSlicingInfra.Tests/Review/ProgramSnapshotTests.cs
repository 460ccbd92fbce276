using GpuSlicingInfra.Review;

namespace GpuSlicingInfra.Tests.Review;

/// <summary>A program is input to the review library too: it is bounded like a stack file before it is loaded.</summary>
public sealed class ProgramSnapshotTests
{
    [Fact]
    public void An_alias_bomb_is_refused_before_any_node_tree_is_built()
    {
        // Each level doubles the values an alias expands to: 2^30 leaves once expanded.
        var lines = new List<string> { "a0: &a0 [x, x]" };
        for (var i = 1; i <= 30; i++)
        {
            lines.Add($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]");
        }
        lines.Add("resources: {}");

        var error = Assert.Throws<YamlInputException>(() => ProgramSnapshot.Parse(string.Join('\n', lines), "bomb.yaml"));

        Assert.Equal("bomb.yaml", error.Input);
        Assert.Contains($"more than {YamlInput.MaxValues} values", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_is_refused_with_its_line()
    {
        var error = Assert.Throws<YamlInputException>(() => ProgramSnapshot.Parse("resources:\n  a:\n    type: t\n  a:\n    type: u\n", "twice.yaml"));

        Assert.Contains("line 4: key 'a' appears twice", error.Detail, StringComparison.Ordinal);
    }
}
