using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Tests.Config;

public sealed class NamespaceSpellingTests
{
    [Theory]
    [InlineData("Gpu-Slicing-Infra:protect")]
    [InlineData("GPU-SLICING-INFRA:protect")]
    [InlineData("gpu-slicing-infr:protect")]
    [InlineData("gpu_slicing_infra:protect")]
    [InlineData("gpu-slicng-infra:tags")]
    public void Near_misses_of_the_project_namespace_are_errors_naming_the_key(string key)
    {
        var problem = NamespaceSpelling.Check(key);

        Assert.NotNull(problem);
        Assert.Equal(key, problem.KeyPath);
        Assert.Contains("gpu-slicing-infra:" + key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..], problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpu-slicing-infra:protect")]
    [InlineData("aws:region")]
    [InlineData("kubernetes:context")]
    [InlineData("random:x")]
    [InlineData("pulumi:tags")]
    [InlineData("eks:x")]
    [InlineData("gpu-infra:x")]
    [InlineData("unnamespaced")]
    public void Other_namespaces_are_left_alone(string key) => Assert.Null(NamespaceSpelling.Check(key));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("gpu-slicing-infr", "gpu-slicing-infra", 1)]
    [InlineData("gpu_slicing_infra", "gpu-slicing-infra", 2)]
    public void Edit_distance_counts_insertions_deletions_and_substitutions(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Of(a, b));
        Assert.Equal(expected, EditDistance.Of(b, a));
    }
}
