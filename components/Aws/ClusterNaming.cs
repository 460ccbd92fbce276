using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>Formats AWS accepts for cluster names and principals.</summary>
internal static partial class ClusterNaming
{
    /// <summary>EKS cluster names: 1–100 characters, alphanumerics, '-' and '_', alphanumeric first.</summary>
    public static bool IsValidClusterName(string? name) => name is not null && ClusterName().IsMatch(name);

    /// <summary>An IAM role or user ARN in any partition.</summary>
    public static bool IsIamPrincipalArn(string? arn) => arn is not null && PrincipalArn().IsMatch(arn);

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_-]{0,99}\z")]
    private static partial Regex ClusterName();

    [GeneratedRegex(@"\Aarn:aws(-cn|-us-gov)?:iam::[0-9]{12}:(role|user)/[A-Za-z0-9_+=,.@/-]+\z")]
    private static partial Regex PrincipalArn();
}
