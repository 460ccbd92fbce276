using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Docs;

/// <summary>
/// The README says what a deployment needs that the program cannot check offline: the deploying identity is
/// an admin already (pulumi/pulumi-eks#2373), spot needs the account's service-linked role, and where pulumi up runs.
/// </summary>
public sealed class DeployDocsTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    private static string ReferenceRow(string key) =>
        Readme.Split('\n').Single(l => l.StartsWith($"| `{key}` |", StringComparison.Ordinal));

    private static IEnumerable<string> TroubleshootingRows() =>
        Readme[Readme.IndexOf("## Troubleshooting", StringComparison.Ordinal)..].Split('\n').TakeWhile(l => !l.StartsWith("## Contributing", StringComparison.Ordinal)).Where(l => l.StartsWith('|'));

    [Fact]
    public void The_admin_principals_key_warns_against_listing_the_deploying_identity()
    {
        var row = ReferenceRow("cluster.adminPrincipalArns");

        Assert.Contains("ResourceInUseException", row, StringComparison.Ordinal);
        Assert.Contains("pulumi-eks#2373", row, StringComparison.Ordinal);
        Assert.Contains(TroubleshootingRows(), r => r.Contains("ResourceInUseException", StringComparison.Ordinal) && r.Contains("adminPrincipalArns", StringComparison.Ordinal));
    }

    [Fact]
    public void Spot_and_the_unreachable_endpoint_have_troubleshooting_rows()
    {
        Assert.Contains(TroubleshootingRows(), r => r.Contains("AWSServiceRoleForEC2Spot", StringComparison.Ordinal) && r.Contains("createSpotServiceLinkedRole", StringComparison.Ordinal));
        Assert.Contains(TroubleshootingRows(), r => r.Contains("/healthz", StringComparison.Ordinal) && r.Contains("PULUMI_RUNNER_", StringComparison.Ordinal));
    }
}
