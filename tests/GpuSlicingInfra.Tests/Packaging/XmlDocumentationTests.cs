using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Packaging;

/// <summary>A public member without an XML doc comment fails the library's build.</summary>
public sealed class XmlDocumentationTests
{
    [Fact]
    public async Task An_undocumented_public_member_fails_the_build()
    {
        var scratch = Directory.CreateTempSubdirectory("gsi-docs-");
        try
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
            {
                File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(scratch.FullName, file));
            }
            var components = Path.Combine(scratch.FullName, "components");
            CopyDirectory(Path.Combine(RepoPaths.Root, "components"), components);
            // The components build loads the source generator beside it (generators/, build time only).
            CopyDirectory(Path.Combine(RepoPaths.Root, "generators"), Path.Combine(scratch.FullName, "generators"));
            await File.WriteAllTextAsync(Path.Combine(components, "Undocumented.cs"),
                "namespace GpuSlicingInfra.Components;\n\n/// <summary>Documented type.</summary>\npublic static class Undocumented\n{\n    public static int Value => 1;\n}\n",
                TestContext.Current.CancellationToken);

            var result = await ProcessRunner.RunAsync("dotnet",
                ["build", Path.Combine(components, "GpuSlicingInfra.Components.csproj"), "-nologo", "-v", "quiet"], scratch.FullName);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("CS1591", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("Undocumented.Value", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }
}
