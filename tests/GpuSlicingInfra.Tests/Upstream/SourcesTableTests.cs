using System.Security.Cryptography;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Upstream;

/// <summary>upstream/SOURCES.tsv states the facts of the files the tests read: a wrong hash or a missing row fails here.</summary>
public sealed class SourcesTableTests
{
    private static IEnumerable<string[]> Rows() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Root, "upstream", "SOURCES.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'));

    [Fact]
    public void Every_row_names_a_repository_a_full_commit_and_the_sha256_of_the_file_the_tests_read()
    {
        var rows = Rows().ToList();

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.Equal(5, row.Length);
            Assert.Matches("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", row[1]);
            Assert.Matches("^[0-9a-f]{40}$", row[2]);
            var file = RepoPaths.SharedFile("upstream/" + row[0]);
            Assert.True(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) == row[4], $"{file} does not match upstream/SOURCES.tsv");
        }
    }

    [Fact]
    public void The_files_the_tests_and_the_conformance_check_read_are_all_in_the_table()
    {
        var listed = Rows().Select(r => r[0]).ToHashSet();

        // CrdSchemas, KarpenterChartValuesTests and the conformance check (every YAML under upstream/).
        string[] read = ["karpenter/karpenter.sh_nodepools.yaml", "karpenter/karpenter.k8s.aws_ec2nodeclasses.yaml",
            "karpenter/karpenter.sh_nodeoverlays.yaml", "karpenter/values.yaml", "karpenter/Chart.yaml",
            "nvidia-device-plugin/values.yaml", "nvidia-device-plugin/Chart.yaml"];
        Assert.All(read, file => Assert.Contains(file, listed));
    }
}
