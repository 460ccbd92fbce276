using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Golden;

public sealed class GoldenProgramTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Shipped_stacks_compile_to_their_golden_programs(string stack)
    {
        var result = CliRunner.Run("synth", "--stack", stack);

        Assert.Equal(0, result.ExitCode);
        Support.Golden.AssertMatches($"{stack}.verified.yaml", result.Stdout);
    }
}
