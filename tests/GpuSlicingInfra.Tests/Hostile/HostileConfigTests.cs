using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Hostile;

/// <summary>
/// The hostile-config corpus: one input per file in this folder (<c>NAME.yaml</c> is a stack file,
/// <c>NAME.json</c> is a <c>PULUMI_CONFIG</c> value, neither means the stack file is missing), each with
/// <c>NAME.expect</c> giving the exit code and the key path stderr must name. Every case must fail
/// cleanly: the documented exit code, nothing on stdout, the key on stderr, no stack trace. With both
/// files, compiler mode finds the stack file in <c>PULUMI_ROOT_DIRECTORY</c> (as Pulumi runs it) and synth
/// reads it too; a stack file alone is also given to compiler mode as the <c>PULUMI_CONFIG</c> Pulumi would
/// derive from it, so every readable case must fail the same way in both modes. Optional <c>message:</c> is text stderr must hold (the rule that fired); <c>secret-keys:</c> sets <c>PULUMI_CONFIG_SECRET_KEYS</c>; optional
/// <c>absent:</c> is text (a secret's plain value) that must appear nowhere in the output.
/// </summary>
public sealed class HostileConfigTests
{
    private const string Stack = "hostile";

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Hostile");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(Folder, "*.expect").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_corpus_has_at_least_thirty_cases_with_inputs_of_both_sources()
    {
        var cases = Cases().Select(c => (string)c.Data).ToList();
        Assert.True(cases.Count >= 30, $"only {cases.Count} hostile cases");
        Assert.Contains(cases, c => File.Exists(Path.Combine(Folder, c + ".json")));
        Assert.Contains(cases, c => File.Exists(Path.Combine(Folder, c + ".yaml")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hostile_config_fails_cleanly_naming_the_key(string name)
    {
        var expect = File.ReadAllLines(Path.Combine(Folder, name + ".expect"))
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        var exitCode = int.Parse(expect["exit"], System.Globalization.CultureInfo.InvariantCulture);
        var key = expect["key"];
        var json = Path.Combine(Folder, name + ".json");
        var secretKeys = expect.GetValueOrDefault("secret-keys");

        foreach (var (mode, result) in Run(name, json, secretKeys))
        {
            var context = $"{name} ({mode}): stderr was\n{result.Stderr}";
            Assert.True(exitCode == result.ExitCode, $"exit {result.ExitCode}, expected {exitCode}. {context}");
            Assert.True(result.Stdout.Length == 0, $"stdout not empty. {context}");
            Assert.True(result.Stderr.Contains(key, StringComparison.Ordinal), $"stderr does not name '{key}'. {context}");
            Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
            // Every problem is one line: no raw control characters from the input reach the terminal.
            Assert.DoesNotContain(result.Stderr, c => char.IsControl(c) && c != '\n');
            if (expect.TryGetValue("message", out var message))
            {
                Assert.True(result.Stderr.Contains(message, StringComparison.Ordinal), $"stderr does not say '{message}'. {context}");
            }
            if (expect.TryGetValue("absent", out var secret))
            {
                Assert.DoesNotContain(secret, result.Stderr, StringComparison.Ordinal);
            }
        }
    }

    private static IEnumerable<(string Mode, CliRunner.Result Result)> Run(string name, string json, string? secretKeys)
    {
        var directory = Directory.CreateTempSubdirectory("hostile-");
        try
        {
            var yaml = Path.Combine(Folder, name + ".yaml");
            if (File.Exists(yaml))
            {
                File.Copy(yaml, Path.Combine(directory.FullName, $"Pulumi.{Stack}.yaml"));
            }
            var environment = new Dictionary<string, string>();
            if (secretKeys is not null)
            {
                environment["PULUMI_CONFIG_SECRET_KEYS"] = secretKeys;
            }
            if (File.Exists(json))
            {
                yield return ("compiler, PULUMI_CONFIG", CliRunner.Run(new Dictionary<string, string>(environment)
                {
                    ["PULUMI_STACK"] = Stack,
                    ["PULUMI_CONFIG"] = File.ReadAllText(json),
                    ["PULUMI_ROOT_DIRECTORY"] = directory.FullName,
                }));
                if (!File.Exists(yaml))
                {
                    yield break;
                }
            }
            if (!File.Exists(json) && DerivedPulumiConfig(yaml) is { } derived)
            {
                // What Pulumi would pass for this stack file, with the file beside it: compiler mode must fail the same way.
                yield return ("compiler, PULUMI_CONFIG from the stack file", CliRunner.Run(new Dictionary<string, string>(environment)
                {
                    ["PULUMI_STACK"] = Stack,
                    ["PULUMI_CONFIG"] = derived,
                    ["PULUMI_ROOT_DIRECTORY"] = directory.FullName,
                }));
            }
            yield return ("synth", CliRunner.Run(environment, "synth", "--stack", Stack, "--project-dir", directory.FullName));
            yield return ("compiler, --stack", CliRunner.Run(environment, "--stack", Stack, "--project-dir", directory.FullName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // Null when the file cannot be read at all (Pulumi would stop before running the compiler).
    private static string? DerivedPulumiConfig(string yaml)
    {
        try
        {
            return File.Exists(yaml) ? PulumiConfigJson.From(StackFileReader.Parse(File.ReadAllText(yaml), Stack, "derived")) : null;
        }
        catch (ConfigException)
        {
            return null;
        }
    }
}
