using System.Text.RegularExpressions;

namespace GpuSlicingInfra.Components.Validation;

/// <summary>
/// AWS tag rules: the characters and lengths AWS accepts, keys unique regardless of case, reserved
/// prefixes, and the keys Karpenter's EC2NodeClass refuses. Problems are reported under
/// <c>{field}[key]</c>, never thrown, so callers report everything at once.
/// </summary>
internal static partial class TagRules
{
    /// <summary>AWS: a tag key has 1–128 characters.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>AWS: a tag value has at most 256 characters.</summary>
    public const int MaxValueLength = 256;

    /// <summary>AWS: at most 50 tags per resource.</summary>
    public const int MaxPerResource = 50;

    /// <summary>
    /// The components add up to 10 tags of their own (environment, cluster, Kubernetes and Karpenter
    /// discovery tags), which leaves 40 for the stack.
    /// </summary>
    public const int MaxUserTags = 40;

    /// <summary>AWS reserves tag keys starting with <c>aws:</c>, in any case.</summary>
    public const string AwsPrefix = "aws:";

    /// <summary>
    /// The prefix of the environment, cluster and pool tags the components write: a stack tag with it
    /// would silently replace one of them, or be mistaken for one.
    /// </summary>
    public const string ComponentPrefix = "gpu-slicing-infra/";

    /// <summary>Prefixes a stack's own tags may not use: <see cref="AwsPrefix"/> and <see cref="ComponentPrefix"/>.</summary>
    public static IReadOnlyList<string> StackReservedPrefixes { get; } = [AwsPrefix, ComponentPrefix];

    /// <summary>
    /// Keys the components put on chosen resources only: Karpenter's discovery tag on private subnets and
    /// the node security group, the load-balancer role tags on private and public subnets. As a stack tag
    /// (on every resource) they would mark public subnets for Karpenter nodes or internal load balancers.
    /// </summary>
    public static IReadOnlyList<string> SelectiveKeys { get; } = ["karpenter.sh/discovery", "kubernetes.io/role/elb", "kubernetes.io/role/internal-elb"];

    /// <summary>Prefixes a component's tags may not use: only <see cref="AwsPrefix"/>, since the platform passes its own tags down.</summary>
    public static IReadOnlyList<string> ComponentReservedPrefixes { get; } = [AwsPrefix];

    // karpenter.k8s.aws_ec2nodeclasses.yaml (v1.14.1, ../shared/upstream/karpenter), spec.tags
    // x-kubernetes-validations: `k != '…'` for these keys and `!k.startsWith('kubernetes.io/cluster')`
    // (no trailing slash). CEL compares strings exactly, so these comparisons are ordinal.
    private static readonly string[] KarpenterForbiddenKeys =
        ["eks:eks-cluster-name", "karpenter.sh/nodepool", "karpenter.sh/nodeclaim", "karpenter.k8s.aws/ec2nodeclass"];

    private const string KarpenterForbiddenPrefix = "kubernetes.io/cluster";

    /// <summary>
    /// Problems with one tag map: key and value text (ASCII only, so that the case-insensitive
    /// comparisons below are exactly the ones AWS makes), reserved prefixes (ignoring case), and keys
    /// that differ only by case (IAM refuses them as duplicates; the second by ordinal order is reported).
    /// </summary>
    /// <param name="tags">The tags.</param>
    /// <param name="field">The args field holding them.</param>
    /// <param name="reservedPrefixes">Key prefixes refused, compared ignoring case.</param>
    /// <param name="maxCount">The most tags allowed.</param>
    public static IEnumerable<ArgsProblem> AwsTags(IReadOnlyDictionary<string, string> tags, string field, IReadOnlyList<string> reservedPrefixes, int maxCount)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(reservedPrefixes);
        if (tags.Count > maxCount)
        {
            yield return new(field, $"{tags.Count} tags exceed {maxCount} (AWS allows {MaxPerResource} per resource; the components add their own).");
        }
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var path = $"{field}[{key}]";
            if (key.Length is 0 or > MaxKeyLength || !TagText().IsMatch(key))
            {
                yield return new(path, $"tag keys are 1–{MaxKeyLength} ASCII letters, digits, spaces and _ . : / = + - @.");
            }
            else if (reservedPrefixes.FirstOrDefault(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix)
            {
                yield return new(path, $"tag keys starting with '{prefix}' (in any case) are reserved for {(prefix == AwsPrefix ? "AWS" : "the tags the components write")}.");
            }
            else if (!seen.TryAdd(key, key))
            {
                yield return new(path, $"differs from tag key '{seen[key]}' only by case; AWS treats tag keys case-insensitively, so the two collide.");
            }
            if (value.Length > MaxValueLength || !TagText().IsMatch(value))
            {
                yield return new(path, $"tag values are at most {MaxValueLength} ASCII letters, digits, spaces and _ . : / = + - @.");
            }
        }
    }

    /// <summary>
    /// Keys of <paramref name="tags"/> that a key of <paramref name="other"/> already sets, ignoring case:
    /// the components merge the two maps onto one resource, where such keys collide.
    /// </summary>
    public static IEnumerable<ArgsProblem> Collisions(IReadOnlyDictionary<string, string> tags, string field, IReadOnlyDictionary<string, string> other, string otherField)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(other);
        foreach (var key in tags.Keys.Order(StringComparer.Ordinal))
        {
            if (other.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) is { } taken)
            {
                yield return new($"{field}[{key}]", $"collides with '{taken}' of {otherField} (tag keys are compared ignoring case); both end up on the same resources.");
            }
        }
    }

    /// <summary>Stack tag keys equal, ignoring case, to one of <see cref="SelectiveKeys"/>.</summary>
    public static IEnumerable<ArgsProblem> SelectiveKeyTags(IReadOnlyDictionary<string, string> tags, string field)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var key in tags.Keys.Where(k => SelectiveKeys.Contains(k, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            yield return new($"{field}[{key}]", "is set by the components on chosen subnets and security groups only; as a tag on every resource it would select the wrong ones (public subnets included).");
        }
    }

    /// <summary>Keys an EC2NodeClass refuses in <c>spec.tags</c>; <paramref name="reason"/> says how the tags get there.</summary>
    public static IEnumerable<ArgsProblem> KarpenterNodeClassTags(IReadOnlyDictionary<string, string> tags, string field, string reason)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var key in tags.Keys.Where(IsForbiddenOnEc2NodeClass).Order(StringComparer.Ordinal))
        {
            yield return new($"{field}[{key}]", $"the EC2NodeClass CRD refuses tag keys {string.Join(", ", KarpenterForbiddenKeys.Select(k => $"'{k}'"))} and any starting with '{KarpenterForbiddenPrefix}' (Karpenter sets them itself); {reason}.");
        }
    }

    /// <summary>Whether the EC2NodeClass CRD's CEL rules refuse this tag key.</summary>
    public static bool IsForbiddenOnEc2NodeClass(string key) =>
        KarpenterForbiddenKeys.Contains(key, StringComparer.Ordinal) || key.StartsWith(KarpenterForbiddenPrefix, StringComparison.Ordinal);

    [GeneratedRegex(@"\A[A-Za-z0-9 _.:/=+\-@]*\z")]
    private static partial Regex TagText();
}
