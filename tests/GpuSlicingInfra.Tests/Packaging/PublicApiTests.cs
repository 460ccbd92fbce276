using System.Reflection;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Review;
using PublicApiGenerator;

namespace GpuSlicingInfra.Tests.Packaging;

/// <summary>
/// The public API of the NuGet libraries is deliberate: any change to it shows up as a diff of the
/// committed baseline (Golden/public-api.txt for the components, Golden/public-api.review.txt for the
/// review library) and must be accepted in review (GOLDEN_UPDATE=1).
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_matches_the_reviewed_baseline() => AssertBaseline(typeof(PulumiProgram).Assembly, "public-api.txt");

    [Fact]
    public void The_review_library_public_api_matches_its_reviewed_baseline() => AssertBaseline(typeof(ProgramSnapshot).Assembly, "public-api.review.txt");

    private static void AssertBaseline(Assembly assembly, string baseline)
    {
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });

        Support.Golden.AssertMatches(baseline, api.ReplaceLineEndings("\n"));
    }
}
