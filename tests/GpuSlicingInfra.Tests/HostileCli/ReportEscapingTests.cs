namespace GpuSlicingInfra.Tests.HostileCli;

/// <summary>
/// Issue 14 item 5: names and values from a program or stack cannot forge lines or drive the terminal in the
/// text reports; they are escaped as <c>\uXXXX</c>. The JSON report stays JSON.
/// </summary>
public sealed class ReportEscapingTests
{
    // An escape sequence that clears the screen, then a carriage return and a newline that start a forged diff line.
    private const string Program = """
        resources:
          "evil\e[2J\r  + added: forged (aws:iam:Role)\nx":
            type: "aws:s3:Bucket\e[31m"
        """;

    [Fact]
    public void Plan_diff_text_escapes_control_characters_from_the_program()
    {
        using var box = new Sandbox().WithStack();

        var result = box.Cli("plan", "--stack", "dev", "--against", box.Write("before.yaml", Program));

        Assert.Equal(0, result.ExitCode);
        AssertNoControlCharacters(result.Stdout);
        Assert.Contains(@"  - removed: evil\u001b[2J\u000d  + added: forged (aws:iam:Role)\u000ax (aws:s3:Bucket\u001b[31m)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Stdout.Split('\n'), line => line.StartsWith("  + added: forged", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_json_keeps_the_name_exact_as_json_escapes()
    {
        using var box = new Sandbox().WithStack();

        var result = box.Cli("plan", "--stack", "dev", "--format", "json", "--against", box.Write("before.yaml", Program));

        Assert.Equal(0, result.ExitCode);
        AssertNoControlCharacters(result.Stdout);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var removed = json.RootElement.GetProperty("diff").GetProperty("removed")[0].GetProperty("name").GetString();
        Assert.Equal("evil\u001b[2J\r  + added: forged (aws:iam:Role)\nx", removed);
    }

    [Fact]
    public void Validate_text_escapes_control_characters_from_a_stack_key()
    {
        using var box = new Sandbox().WithStack();
        File.AppendAllText(box.PathOf("Pulumi.dev.yaml"), "  \"gpu-slicing-infra:evil\\e[2J\\r1 error(s), 0 warning(s): passed.\": 1\n");

        // Wide enough that the table keeps the escaped key on one line.
        var result = Support.CliRunner.Run(new Dictionary<string, string> { ["COLUMNS"] = "400" }, "validate", "--stack", "dev", "--project-dir", box.Root);

        Assert.Equal(1, result.ExitCode);
        AssertNoControlCharacters(result.Stdout);
        Assert.Contains(@"evil\u001b[2J\u000d1 error(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_line_error_escapes_the_token_it_quotes()
    {
        var result = Support.CliRunner.Run("synth", "--stack", "dev", "\u001b[2J\rforged");

        Assert.Equal(2, result.ExitCode);
        AssertNoControlCharacters(result.Stderr);
        Assert.Contains(@"\u001b[2J\u000dforged", result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertNoControlCharacters(string text) =>
        Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n');
}
