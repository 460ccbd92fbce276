using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Components;

/// <summary>Name rules shared by Kubernetes and AWS.</summary>
public static partial class Naming
{
    /// <summary>An RFC 1123 label: lower-case alphanumerics and '-', alphanumeric at both ends, 1–63 characters.</summary>
    public static bool IsDnsLabel(string? value) => value is { Length: > 0 and <= 63 } && DnsLabel().IsMatch(value);

    [GeneratedRegex(@"\A[a-z0-9]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex DnsLabel();
}
