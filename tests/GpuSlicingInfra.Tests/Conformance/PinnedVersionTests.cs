using System.Text.Json.Nodes;
using GpuSlicingInfra.Components.Providers;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Conformance;

/// <summary>The conformance check types programs against the same provider versions the programs pin.</summary>
public sealed class PinnedVersionTests
{
    [Theory]
    [InlineData("@pulumi/aws", ProviderVersions.Aws)]
    [InlineData("@pulumi/awsx", ProviderVersions.Awsx)]
    [InlineData("@pulumi/eks", ProviderVersions.Eks)]
    [InlineData("@pulumi/kubernetes", ProviderVersions.Kubernetes)]
    [InlineData("@pulumi/random", ProviderVersions.Random)]
    public void The_conformance_sdk_version_equals_the_pinned_provider_version(string package, string pinned)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "conformance", "package.json")))!;

        Assert.Equal(pinned, (string?)manifest["dependencies"]?[package]);
    }
}
