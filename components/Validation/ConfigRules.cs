using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Components.Validation;

/// <summary>
/// Format rules shared by the args records: Kubernetes labels, instance type names, AWS resource ids
/// and CIDR overlap (AWS tags: <see cref="TagRules"/>). Each check returns problems instead of
/// throwing, so callers report everything at once.
/// </summary>
internal static partial class ConfigRules
{
    /// <summary>
    /// Address ranges a new VPC must not overlap: the two ranges EKS assigns Kubernetes service IPs
    /// from when the cluster sets no service CIDR (10.100.0.0/16 or 172.20.0.0/16, EKS picks one).
    /// Service IPs that shadow VPC addresses make those addresses unreachable from pods.
    /// </summary>
    public static IReadOnlyList<string> EksDefaultServiceCidrs { get; } = ["10.100.0.0/16", "172.20.0.0/16"];

    /// <summary>Problems with Kubernetes labels (qualified names and label values), each under <c>{field}[key]</c>.</summary>
    public static IEnumerable<ArgsProblem> KubernetesLabels(IReadOnlyDictionary<string, string> labels, string field, IReadOnlyCollection<string> reservedKeys)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(reservedKeys);
        foreach (var (key, value) in labels)
        {
            var path = $"{field}[{key}]";
            if (!IsQualifiedName(key))
            {
                yield return new(path, "is not a Kubernetes label key: an optional DNS-subdomain prefix and '/', then 1–63 alphanumerics, '-', '_' or '.'.");
            }
            else if (reservedKeys.Contains(key))
            {
                yield return new(path, "is set by the components themselves; choose another key.");
            }
            if (value.Length > 63 || (value.Length > 0 && !LabelName().IsMatch(value)))
            {
                yield return new(path, "label values are at most 63 alphanumerics, '-', '_' or '.', alphanumeric at both ends.");
            }
        }
    }

    /// <summary>An EC2 instance type name such as <c>m6i.large</c> or <c>g6e.12xlarge</c> (format only).</summary>
    public static bool IsInstanceTypeName(string? value) => value is { Length: <= 64 } && InstanceType().IsMatch(value);

    /// <summary>An AWS resource id such as <c>vpc-0abc…</c>: the prefix, then 8 or 17 lower-case hex digits.</summary>
    public static bool IsResourceId(string? value, string prefix) =>
        value is not null && value.StartsWith(prefix + "-", StringComparison.Ordinal) && ResourceIdSuffix().IsMatch(value[(prefix.Length + 1)..]);

    /// <summary>The network of an IPv4 CIDR, or null.</summary>
    public static IPNetwork? Ipv4Network(string value) =>
        value.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(value, out var network)
            && network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? network : null;

    /// <summary>Whether two IPv4 networks share any address.</summary>
    public static bool Overlap(IPNetwork a, IPNetwork b) => a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress);

    /// <summary>A hint for a CIDR with host bits set: the network it probably meant.</summary>
    public static string? NetworkHint(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(value[..slash], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(value[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var prefix) || prefix is < 0 or > 32)
        {
            return null;
        }
        var bytes = address.GetAddressBytes();
        var bits = (uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3];
        var masked = prefix == 0 ? 0 : bits & (uint.MaxValue << (32 - prefix));
        return masked == bits ? null : $"{masked >> 24}.{(masked >> 16) & 255}.{(masked >> 8) & 255}.{masked & 255}/{prefix}";
    }

    private static bool IsQualifiedName(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length is 0 or > 253 || !prefix.Split('.').All(Naming.IsDnsLabel))
            {
                return false;
            }
        }
        return name.Length is > 0 and <= 63 && LabelName().IsMatch(name);
    }

    [GeneratedRegex(@"\A[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?\z")]
    private static partial Regex LabelName();

    [GeneratedRegex(@"\A[a-z][a-z0-9-]*\.[a-z0-9-]+\z")]
    private static partial Regex InstanceType();

    [GeneratedRegex(@"\A([0-9a-f]{8}|[0-9a-f]{17})\z")]
    private static partial Regex ResourceIdSuffix();
}
