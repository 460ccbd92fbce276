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

    /// <summary>
    /// Karpenter already runs in the (existing) cluster: add only the pools' EC2NodeClasses, NodePools and NodeOverlays
    /// (<see cref="ExistingKarpenterPools"/>), no controller, IAM, queue or CRDs. Requires <see cref="ExistingVersion"/>
    /// and <see cref="ExistingNodeRole"/>; <see cref="ChartVersion"/>, <see cref="Namespace"/>, <see cref="Replicas"/> and
    /// <see cref="Identity"/> then do not apply. Default: off (this program installs Karpenter).
    /// </summary>
    public bool Existing { get; init; }

    /// <summary>The running controller's version (exact semver, 1.0.0 or later: the v1 API). Required with <see cref="Existing"/>. Default: none.</summary>
    public string? ExistingVersion { get; init; }

    /// <summary>
    /// Name of the IAM role the running Karpenter's nodes use. Required with <see cref="Existing"/>: that controller may
    /// pass only its own node role to instances (iam:PassRole in upstream's controller policy), and the role already has
    /// the cluster's access entry. Default: none.
    /// </summary>
    public string? ExistingNodeRole { get; init; }

    /// <summary>The first Karpenter release with the NodeOverlay CRD and its <c>NodeOverlay</c> feature gate (aws/karpenter-provider-aws v1.7.0, commit e37f4c725 "Add Node Overlay Support").</summary>
    public static Version FirstNodeOverlayVersion { get; } = new(1, 7, 0);

    /// <summary>
    /// The chart value that turns NodeOverlay on (<c>settings.featureGates.nodeOverlay</c>, off by default; the chart passes
    /// it to the controller as <c>FEATURE_GATES=…,NodeOverlay=true</c>).
    /// </summary>
    public const string NodeOverlayFeatureGate = "settings.featureGates.nodeOverlay";

    /// <summary>Whether the Karpenter these options describe can take NodeOverlays: this program's own, or an existing one from <see cref="FirstNodeOverlayVersion"/>.</summary>
    public bool SupportsNodeOverlay => !Existing || (ParseVersion(ExistingVersion) is { } version && version >= FirstNodeOverlayVersion);

    /// <summary>An exact <c>major.minor.patch</c> version, or null.</summary>
    public static Version? ParseVersion(string? text) =>
        text is not null && NvidiaDevicePluginOptions.ExactVersion().IsMatch(text) && Version.TryParse(text, out var version) ? version : null;

    /// <summary>Every problem with these options, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = TagRules.AwsTags(Tags, nameof(Tags), TagRules.ComponentReservedPrefixes, TagRules.MaxPerResource)
            .Concat(TagRules.KarpenterNodeClassTags(Tags, nameof(Tags), "Karpenter's tags are copied onto every EC2NodeClass"))
            .ToList();
        problems.AddRange(ExistingProblems());
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

    private IEnumerable<ArgsProblem> ExistingProblems()
    {
        if (!Existing)
        {
            if (ExistingVersion is not null)
            {
                yield return new(nameof(ExistingVersion), "applies only to an existing Karpenter (Existing).");
            }
            if (ExistingNodeRole is not null)
            {
                yield return new(nameof(ExistingNodeRole), "applies only to an existing Karpenter (Existing).");
            }
            yield break;
        }
        if (ParseVersion(ExistingVersion) is not { } version)
        {
            yield return new(nameof(ExistingVersion), ExistingVersion is null
                ? "an existing Karpenter needs its version (e.g. 1.8.1): the objects and feature gates depend on it."
                : $"'{ExistingVersion}' must be an exact version such as 1.8.1.");
        }
        else if (version.Major < 1)
        {
            yield return new(nameof(ExistingVersion), $"'{ExistingVersion}' predates Karpenter's v1 API (1.0.0), whose NodePools and EC2NodeClasses this product writes: upgrade the controller first.");
        }
        if (ExistingNodeRole is null)
        {
            yield return new(nameof(ExistingNodeRole), "an existing Karpenter needs the name of its nodes' IAM role: only that role can be passed to the nodes it launches.");
        }
        else if (!IamRoleName().IsMatch(ExistingNodeRole))
        {
            yield return new(nameof(ExistingNodeRole), $"'{ExistingNodeRole}' is not an IAM role name (1–64 of letters, digits and +=,.@_-; the name, not the ARN).");
        }
    }

    [GeneratedRegex(@"\A[A-Za-z0-9+=,.@_-]{1,64}\z")]
    private static partial Regex IamRoleName();

    /// <summary>The release day of a pinned alias (<c>al2023@v20260115</c> → 2026-01-15); null for <c>@latest</c> or a malformed alias.</summary>
    public static DateOnly? PinnedAmiDate(string amiAlias) =>
        AmiAliasShape().Match(amiAlias ?? "") is { Success: true } match && match.Groups["date"].Success
        && DateOnly.TryParseExact(match.Groups["date"].Value, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : null;

    [GeneratedRegex(@"\Aal2023@(latest|v(?<date>[0-9]{8}))\z")]
    private static partial Regex AmiAliasShape();
}
