using System.Runtime.InteropServices;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Packaging;

/// <summary>
/// The .NET tool end to end: scripts/pack-tool packs it, `dotnet tool install` puts it into an empty folder from that
/// feed alone, and Pulumi's way of running it in samples/ToolUser (working directory = the project, PULUMI_STACK and
/// PULUMI_CONFIG set; pulumi-yaml <c>pkg/pulumiyaml/run.go</c>, <c>LoadFromCompiler</c>) prints what the JIT build prints.
/// </summary>
public sealed class DotnetToolTests
{
    private const string Stack = "staging";

    [Fact]
    public async Task The_installed_native_tool_compiles_a_repository_that_holds_only_Pulumi_yaml_and_a_stack_file()
    {
        // The RID package is Native AOT: without clang and zlib.h (the AOT linker's needs) nothing can be packed.
        var toolchain = await ProcessRunner.RunAsync("bash", ["-c", "command -v clang && printf '#include <zlib.h>\\n' | clang -E -x c - >/dev/null"], RepoPaths.Root);
        Assert.SkipWhen(toolchain.ExitCode != 0, "No Native AOT toolchain (clang and the zlib headers): the tool cannot be packed here.");

        var work = Directory.CreateTempSubdirectory("gpu-tool-test-").FullName;
        try
        {
            var feed = Path.Combine(work, "feed");
            var pack = await ProcessRunner.RunAsync(Path.Combine(RepoPaths.Root, "scripts", "pack-tool"), ["--output", feed], RepoPaths.Root);
            Assert.True(pack.ExitCode == 0, $"pack-tool exited {pack.ExitCode}: {pack.Stderr}");

            // Only the packed feed (no nuget.org, no shared package cache): the install proves these packages suffice.
            var config = Path.Combine(work, "nuget.config");
            await File.WriteAllTextAsync(config, $"""
                <configuration><packageSources><clear /><add key="tool" value="{feed}" /></packageSources></configuration>
                """, TestContext.Current.CancellationToken);
            var tools = Path.Combine(work, "tools");
            var install = await ProcessRunner.RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--configfile", config, "gpu-slicing-infra"],
                work, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "packages") });
            Assert.True(install.ExitCode == 0, $"dotnet tool install exited {install.ExitCode}: {install.Stdout}{install.Stderr}");
            // The platform's own Native AOT package was chosen, not the framework-dependent fallback.
            Assert.NotEmpty(Directory.EnumerateDirectories(Path.Combine(tools, ".store"), $"gpu-slicing-infra.{RuntimeInformation.RuntimeIdentifier}", SearchOption.AllDirectories));

            var project = Path.Combine(work, "project");
            Directory.CreateDirectory(project);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "samples", "ToolUser")))
            {
                File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
            }
            var run = await ProcessRunner.RunAsync(Path.Combine(tools, "gpu-slicing-infra"), [], project, new Dictionary<string, string>
            {
                ["PULUMI_STACK"] = Stack,
                ["PULUMI_PROJECT"] = "ml-gpu-platform",
                ["PULUMI_CONFIG"] = PulumiConfigJson.From(StackFileReader.Read(project, Stack)),
            });

            Assert.True(run.ExitCode == 0, $"the tool exited {run.ExitCode}: {run.Stderr}");
            var jit = CliRunner.Run("synth", "--project-dir", project, "--stack", Stack);
            Assert.Equal(0, jit.ExitCode);
            Assert.Equal(jit.Stdout, run.Stdout);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
