using System.Text.RegularExpressions;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Components.Validation;

namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>
/// Options of <see cref="Karpenter"/>: the controller and its AWS integration. The GPU pools it
/// provisions are those with <see cref="GpuPoolOptions.Karpenter"/> settings.
/// </summary>
public sealed partial record KarpenterOptions
{
    /// <summary>The chart version this release pins (upstream's newest release, 1.14.1).</summary>
    public const string DefaultChartVersion = "1.14.1";

    /// <summary>The controller's service account (the chart's default name for release <c>karpenter</c>).</summary>
    public const string ServiceAccountName = "karpenter";

    /// <summary>Install Karpenter. Default: off.</summary>
    public bool Enabled { get; init; }

    /// <summary>Pinned chart version (exact semver). Default: <see cref="DefaultChartVersion"/>.</summary>
    public string ChartVersion { get; init; } = DefaultChartVersion;

    /// <summary>Namespace of the controller. Default: <c>kube-system</c> (upstream's recommendation).</summary>
    public string Namespace { get; init; } = "kube-system";

    /// <summary>Controller replicas (leader election; 2 survive a node loss). Default: 2.</summary>
    public int Replicas { get; init; } = 2;

    /// <summary>How the controller gets AWS credentials. Default: EKS Pod Identity.</summary>
    public KarpenterIdentity Identity { get; init; } = KarpenterIdentity.PodIdentity;

    /// <summary>
    /// AMI alias of the node classes: <c>al2023@latest</c> or a pinned <c>al2023@vYYYYMMDD</c> (recommended
    /// in prod: <c>latest</c> rolls every node when AWS publishes an AMI). Bottlerocket is not offered: it
    /// runs its own device plugin, which would ignore the sharing profiles. Default: <c>al2023@latest</c>.
    /// </summary>
    public string AmiAlias { get; init; } = "al2023@latest";

    /// <summary>Tags on every resource. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Every problem with these options, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = TagRules.AwsTags(Tags, nameof(Tags), TagRules.ComponentReservedPrefixes, TagRules.MaxPerResource)
            .Concat(TagRules.KarpenterNodeClassTags(Tags, nameof(Tags), "Karpenter's tags are copied onto every EC2NodeClass"))
            .ToList();
        if (!NvidiaDevicePluginOptions.ExactVersion().IsMatch(ChartVersion))
        {
            problems.Add(new(nameof(ChartVersion), $"'{ChartVersion}' must be an exact version such as {DefaultChartVersion} (pinned charts only)."));
        }
        if (!Naming.IsDnsLabel(Namespace))
        {
            problems.Add(new(nameof(Namespace), $"'{Namespace}' is not a valid namespace name."));
        }
        if (Replicas is < 1 or > 5)
        {
            problems.Add(new(nameof(Replicas), $"{Replicas} must be between 1 and 5 (one leader, the rest standby)."));
        }
        if (AmiAliasShape().Match(AmiAlias) is { Success: true } pinned && pinned.Groups["date"].Success && PinnedAmiDate(AmiAlias) is null)
        {
            problems.Add(new(nameof(AmiAlias), $"'{AmiAlias}' is not a date: a pinned alias is al2023@vYYYYMMDD, the AMI's release day."));
        }
        if (!AmiAliasShape().IsMatch(AmiAlias))
        {
            problems.Add(new(nameof(AmiAlias), $"'{AmiAlias}' must be al2023@latest or a pinned al2023@vYYYYMMDD: only the AL2023 NVIDIA AMI is supported. Bottlerocket's NVIDIA variant runs its own device plugin (with this product's Helm plugin it would run twice), and Windows nodes get no GPU support here."));
        }
        return problems;
    }

    /// <summary>The release day of a pinned alias (<c>al2023@v20260115</c> → 2026-01-15); null for <c>@latest</c> or a malformed alias.</summary>
    public static DateOnly? PinnedAmiDate(string amiAlias) =>
        AmiAliasShape().Match(amiAlias ?? "") is { Success: true } match && match.Groups["date"].Success
        && DateOnly.TryParseExact(match.Groups["date"].Value, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : null;

    [GeneratedRegex(@"\Aal2023@(latest|v(?<date>[0-9]{8}))\z")]
    private static partial Regex AmiAliasShape();
}
