using GpuSlicingInfra.Components.Program;
using PublicApiGenerator;

namespace GpuSlicingInfra.Tests.Packaging;

/// <summary>
/// The public API of the NuGet library is deliberate: any change to it shows up as a diff of the
/// committed baseline (Golden/public-api.txt) and must be accepted in review (GOLDEN_UPDATE=1).
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_matches_the_reviewed_baseline()
    {
        var api = typeof(PulumiProgram).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });

        Support.Golden.AssertMatches("public-api.txt", api.ReplaceLineEndings("\n"));
    }
}
