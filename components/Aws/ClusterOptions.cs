using GpuSlicingInfra.Components.Validation;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>Options of <see cref="Cluster"/>.</summary>
public sealed record ClusterOptions
{
    /// <summary>Control-plane log types EKS offers; all are on by default (CKV_AWS_37).</summary>
    public static IReadOnlyList<string> AllLogTypes { get; } = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

    /// <summary>The EKS cluster name (1–100 characters: letters, digits, '-', '_', starting with a letter or digit).</summary>
    public required string Name { get; init; }

    /// <summary>Kubernetes version; one of <see cref="KubernetesVersions.Supported"/>. Default: <see cref="KubernetesVersions.Default"/>.</summary>
    public string KubernetesVersion { get; init; } = KubernetesVersions.Default;

    /// <summary>Private API endpoint. Default: on (CKV_AWS_39).</summary>
    public bool EndpointPrivateAccess { get; init; } = true;

    /// <summary>Public API endpoint; requires <see cref="PublicAccessCidrs"/>. Default: off.</summary>
    public bool EndpointPublicAccess { get; init; }

    /// <summary>CIDRs allowed to reach a public endpoint; never <c>0.0.0.0/0</c> (CKV_AWS_38). Default: none, which a public endpoint refuses.</summary>
    public IReadOnlyList<string> PublicAccessCidrs { get; init; } = [];

    /// <summary>Control-plane log types. Default: all five.</summary>
    public IReadOnlyList<string> LogTypes { get; init; } = AllLogTypes;

    /// <summary>IAM principals granted cluster admin through access entries (no implicit admin). Default: none.</summary>
    public IReadOnlyList<string> AdminPrincipalArns { get; init; } = [];

    /// <summary>Create an IAM OIDC provider (for IRSA). Default: off; Pod Identity needs none.</summary>
    public bool CreateOidcProvider { get; init; }

    /// <summary>
    /// Create the account's EC2 Spot service-linked role (see <see cref="SpotServiceLinkedRole"/>). Default: off,
    /// because the role is account-wide: creating it where it exists (another stack, an earlier spot launch) fails.
    /// </summary>
    public bool CreateSpotServiceLinkedRole { get; init; }

    /// <summary>Instance type of the system node group. Default: <c>m6i.large</c>.</summary>
    public string SystemInstanceType { get; init; } = "m6i.large";

    /// <summary>System node group minimum size. Default: 2.</summary>
    public int SystemMinSize { get; init; } = 2;

    /// <summary>System node group desired size. Default: 2.</summary>
    public int SystemDesiredSize { get; init; } = 2;

    /// <summary>System node group maximum size. Default: 3.</summary>
    public int SystemMaxSize { get; init; } = 3;

    /// <summary>Root volume size of system nodes in GiB. Default: 50.</summary>
    public int SystemDiskSizeGiB { get; init; } = 50;

    /// <summary>Protect the cluster, its key and node groups from deletion, and turn on EKS deletion protection. Default: off.</summary>
    public bool Protect { get; init; }

    /// <summary>Tags on every resource. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Every problem with these options, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = TagRules.AwsTags(Tags, nameof(Tags), TagRules.ComponentReservedPrefixes, TagRules.MaxPerResource).ToList();
        if (!ClusterNaming.IsValidClusterName(Name))
        {
            problems.Add(new(nameof(Name), $"'{Name}' must be 1–100 letters, digits, '-' or '_', starting with a letter or digit."));
        }
        if (!KubernetesVersions.Supported.Contains(KubernetesVersion))
        {
            problems.Add(new(nameof(KubernetesVersion), $"'{KubernetesVersion}' is not supported (CKV_AWS_339); allowed: {string.Join(", ", KubernetesVersions.Supported)}."));
        }
        if (!EndpointPrivateAccess && !EndpointPublicAccess)
        {
            problems.Add(new(nameof(EndpointPrivateAccess), "at least one of the private and public endpoints must be on."));
        }
        if (EndpointPublicAccess && PublicAccessCidrs.Count == 0)
        {
            problems.Add(new(nameof(PublicAccessCidrs), "a public endpoint needs explicit CIDRs (CKV_AWS_38)."));
        }
        foreach (var cidr in PublicAccessCidrs)
        {
            if (cidr is "0.0.0.0/0" or "::/0")
            {
                problems.Add(new(nameof(PublicAccessCidrs), $"'{cidr}' opens the API endpoint to the world (CKV_AWS_38)."));
            }
            else if (!NetworkOptions.IsIpv4Cidr(cidr, out _))
            {
                problems.Add(new(nameof(PublicAccessCidrs), $"'{cidr}' is not an IPv4 CIDR{(ConfigRules.NetworkHint(cidr) is { } hint ? $" (host bits set: did you mean {hint}?)" : "")}."));
            }
        }
        foreach (var duplicate in PublicAccessCidrs.Select(c => ConfigRules.Ipv4Network(c)?.ToString()).OfType<string>()
            .GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(nameof(PublicAccessCidrs), $"'{duplicate.Key}' is listed more than once."));
        }
        foreach (var logType in LogTypes.Where(t => !AllLogTypes.Contains(t)))
        {
            problems.Add(new(nameof(LogTypes), $"'{logType}' is not a log type; allowed: {string.Join(", ", AllLogTypes)}."));
        }
        foreach (var arn in AdminPrincipalArns.Where(a => !ClusterNaming.IsIamPrincipalArn(a)))
        {
            problems.Add(new(nameof(AdminPrincipalArns), $"'{arn}' is not an IAM role or user ARN."));
        }
        // EKS allows one access entry per principal; a duplicate fails the deployment half-way.
        foreach (var duplicate in AdminPrincipalArns.Concat(LogTypes).GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(AdminPrincipalArns.Contains(duplicate.Key) ? nameof(AdminPrincipalArns) : nameof(LogTypes), $"'{duplicate.Key}' is listed more than once."));
        }
        if (!ConfigRules.IsInstanceTypeName(SystemInstanceType))
        {
            problems.Add(new(nameof(SystemInstanceType), $"'{SystemInstanceType}' is not an EC2 instance type name such as m6i.large."));
        }
        if (SystemMinSize < 1 || SystemMinSize > SystemDesiredSize || SystemDesiredSize > SystemMaxSize)
        {
            problems.Add(new(nameof(SystemDesiredSize), $"system node group sizes must satisfy 1 <= min ({SystemMinSize}) <= desired ({SystemDesiredSize}) <= max ({SystemMaxSize})."));
        }
        if (SystemDiskSizeGiB is < 20 or > 16384)
        {
            problems.Add(new(nameof(SystemDiskSizeGiB), $"{SystemDiskSizeGiB} must be between 20 and 16384 GiB."));
        }
        return problems;
    }
}
