using System.Text.Json;
using GpuSlicingInfra.Tests.Support;
using Json.Schema;

namespace GpuSlicingInfra.Tests.Review;

/// <summary>The <c>plan --format json</c> output conforms to the published schema, docs/plan.schema.json.</summary>
public sealed class PlanSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "plan.schema.json")));

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Plan_json_validates_against_the_schema(string stack)
    {
        AssertValid(CliRunner.Run("plan", "--stack", stack, "--format", "json"));
    }

    [Fact]
    public void Plan_json_with_a_diff_validates_against_the_schema()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gsi-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(file, CliRunner.Run("synth", "--stack", "prod").Stdout);

            AssertValid(CliRunner.Run("plan", "--stack", "dev", "--against", file, "--format", "json"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_schema_rejects_output_that_breaks_the_contract()
    {
        // A guard that the schema is strict enough to catch drift: an unknown member and a missing one.
        var json = CliRunner.Run("plan", "--stack", "dev", "--format", "json").Stdout
            .Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"surprise\": true,", StringComparison.Ordinal)
            .Replace("\"stack\": \"dev\",", "", StringComparison.Ordinal);

        using var document = JsonDocument.Parse(json);
        Assert.False(Schema.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void The_schema_checks_the_karpenter_members_of_a_pool()
    {
        // dev's Karpenter-only pool: an unknown provisioner and a headroom without its node limit are both refused.
        var json = CliRunner.Run("plan", "--stack", "dev", "--format", "json").Stdout;
        Assert.Contains("\"provisioner\": \"karpenter\"", json, StringComparison.Ordinal);
        Assert.Contains("\"maxNodes\": 3,", json, StringComparison.Ordinal);

        using var badProvisioner = JsonDocument.Parse(json.Replace("\"provisioner\": \"karpenter\"", "\"provisioner\": \"autoscaler\"", StringComparison.Ordinal));
        using var noMaxNodes = JsonDocument.Parse(json.Replace("\"maxNodes\": 3,", "", StringComparison.Ordinal));
        Assert.False(Schema.Evaluate(badProvisioner.RootElement).IsValid);
        Assert.False(Schema.Evaluate(noMaxNodes.RootElement).IsValid);
    }

    private static void AssertValid(CliRunner.Result result)
    {
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var evaluation = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (evaluation.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(evaluation.IsValid, string.Join("\n", errors));
    }
}
