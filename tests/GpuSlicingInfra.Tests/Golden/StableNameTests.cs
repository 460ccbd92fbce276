using GpuSlicingInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Tests.Golden;

/// <summary>
/// Logical names and types are URNs: a rename makes Pulumi delete the live resource and create a new
/// one. <c>resource-names.&lt;stack&gt;.txt</c> records every name and type a stack ever shipped; each
/// must still exist or be listed under <c>options.aliases</c> of a current resource. Additions are
/// recorded with GOLDEN_UPDATE=1; removals need an alias or a deliberate manifest edit.
/// </summary>
public sealed class StableNameTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_shipped_logical_name_still_exists_or_is_aliased(string stack)
    {
        var result = CliRunner.Run("synth", "--stack", stack);
        Assert.Equal(0, result.ExitCode);
        var program = new ParsedProgram(result.Stdout);
        var current = program.ResourceNames.Select(n => Entry(n, program.TypeOf(n))).ToHashSet(StringComparer.Ordinal);
        var aliased = program.ResourceNames.SelectMany(n => Aliases(program, n)).ToHashSet(StringComparer.Ordinal);
        var path = Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Golden", $"resource-names.{stack}.txt");
        var update = Environment.GetEnvironmentVariable("GOLDEN_UPDATE") == "1";

        if (!File.Exists(path))
        {
            if (update)
            {
                File.WriteAllLines(path, current.Order(StringComparer.Ordinal));
                return;
            }
            Assert.Fail($"{path} is missing: run with GOLDEN_UPDATE=1 to record the stack's logical names.");
        }
        var manifest = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        var lost = manifest.Where(e => !current.Contains(e) && !aliased.Contains(e)).ToList();
        Assert.True(lost.Count == 0,
            $"Stack '{stack}' no longer has these logical names/types, and no current resource lists them under options.aliases:\n  " +
            string.Join("\n  ", lost) +
            "\nA renamed name or changed type makes Pulumi delete the live resource and create a new one (for a cluster or VPC: an outage). " +
            "Add ResourceOptions.Aliases = [new ResourceAlias(oldName, oldType)] to the renamed resource, or, if the removal is intended, " +
            $"delete the line from {Path.GetFileName(path)} in the same commit and say why.");

        var added = current.Where(e => !manifest.Contains(e)).Order(StringComparer.Ordinal).ToList();
        if (update && added.Count > 0)
        {
            File.WriteAllLines(path, manifest.Concat(added).Order(StringComparer.Ordinal));
            return;
        }
        Assert.True(added.Count == 0,
            $"Stack '{stack}' has logical names not yet recorded in {Path.GetFileName(path)}:\n  {string.Join("\n  ", added)}\n" +
            "Record them with GOLDEN_UPDATE=1 dotnet test (only additions are recorded).");
    }

    private static string Entry(string name, string type) => $"{name} {type}";

    private static IEnumerable<string> Aliases(ParsedProgram program, string name)
    {
        var resource = program.Resource(name);
        if (!ParsedProgram.Has(resource, "options.aliases"))
        {
            yield break;
        }
        foreach (var alias in ((YamlSequenceNode)ParsedProgram.Node(resource, "options.aliases")).Cast<YamlMappingNode>())
        {
            var aliasName = ParsedProgram.Has(alias, "name") ? ParsedProgram.Scalar(alias, "name") : name;
            var aliasType = ParsedProgram.Has(alias, "type") ? ParsedProgram.Scalar(alias, "type") : program.TypeOf(name);
            yield return Entry(aliasName, aliasType);
        }
    }
}
