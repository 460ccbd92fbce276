using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Components.Validation;

/// <summary>
/// Format rules shared by the args records: AWS tags, Kubernetes labels, instance type names, AWS
/// resource ids and CIDR overlap. Each check returns problems instead of throwing, so callers report
/// everything at once.
/// </summary>
internal static partial class ConfigRules
{
    /// <summary>AWS: a tag key has 1–128 characters.</summary>
    public const int MaxTagKeyLength = 128;

    /// <summary>AWS: a tag value has at most 256 characters.</summary>
    public const int MaxTagValueLength = 256;

    /// <summary>
    /// AWS allows 50 tags per resource; the components add up to 10 of their own (environment, cluster,
    /// Kubernetes and Karpenter discovery tags), which leaves 40 for the stack.
    /// </summary>
    public const int MaxUserTags = 40;

    /// <summary>
    /// Address ranges a new VPC must not overlap: the two ranges EKS assigns Kubernetes service IPs
    /// from when the cluster sets no service CIDR (10.100.0.0/16 or 172.20.0.0/16, EKS picks one).
    /// Service IPs that shadow VPC addresses make those addresses unreachable from pods.
    /// </summary>
    public static IReadOnlyList<string> EksDefaultServiceCidrs { get; } = ["10.100.0.0/16", "172.20.0.0/16"];

    /// <summary>Problems with stack tags (keys and values as AWS accepts them), each under <c>{field}[key]</c>.</summary>
    public static IEnumerable<ArgsProblem> AwsTags(IReadOnlyDictionary<string, string> tags, string field, IReadOnlyCollection<string> reservedKeys)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(reservedKeys);
        if (tags.Count > MaxUserTags)
        {
            yield return new(field, $"{tags.Count} tags exceed {MaxUserTags} (AWS allows 50 per resource; the components add their own).");
        }
        foreach (var (key, value) in tags)
        {
            var path = $"{field}[{key}]";
            if (key.Length is 0 or > MaxTagKeyLength || !TagText().IsMatch(key))
            {
                yield return new(path, $"tag keys are 1–{MaxTagKeyLength} letters, digits, spaces and _ . : / = + - @.");
            }
            else if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                yield return new(path, "tag keys starting with 'aws:' are reserved for AWS.");
            }
            else if (reservedKeys.Contains(key))
            {
                yield return new(path, "is set by the components themselves; choose another key.");
            }
            if (value.Length > MaxTagValueLength || !TagText().IsMatch(value))
            {
                yield return new(path, $"tag values are at most {MaxTagValueLength} letters, digits, spaces and _ . : / = + - @.");
            }
        }
    }

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

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagText();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelName();

    [GeneratedRegex("^[a-z][a-z0-9-]*\\.[a-z0-9-]+$")]
    private static partial Regex InstanceType();

    [GeneratedRegex("^([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex ResourceIdSuffix();
}
