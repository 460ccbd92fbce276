using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Import;

/// <summary>A <c>karpenter.sh/v1alpha5</c> Provisioner as read, every field with its manifest path.</summary>
internal sealed record ProvisionerManifest(
    string Path,
    string Name,
    bool? ConsolidationEnabled,
    string ConsolidationPath,
    long? TtlSecondsAfterEmpty,
    long? TtlSecondsUntilExpired,
    IReadOnlyList<ManifestRequirement> Requirements,
    IReadOnlyList<ManifestTaint> Taints,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Limits,
    NodeTemplate? Provider,
    string? ProviderRef,
    IReadOnlyList<DroppedField> Dropped)
{
    private const long MaxSeconds = 9_223_372_036; // Go's time.Duration limit, which the webhook converted to

    /// <summary>
    /// Reads one Provisioner. Fields outside the v1alpha5 schema are problems (a typo would otherwise be dropped
    /// silently); fields in it that no pool setting expresses come back in <see cref="Dropped"/>.
    /// </summary>
    public static ProvisionerManifest Read(SettingsObject document)
    {
        var dropped = new List<DroppedField>();
        var metadata = document.Map("metadata");
        var name = metadata?.StringOrNull("name");
        if (name is null)
        {
            document.Problem("metadata.name", "is required: it becomes the pool's name.");
        }
        foreach (var key in metadata?.Keys.Where(k => k != "name").ToList() ?? [])
        {
            // Object metadata (namespace, uid, labels…) describes the Provisioner object, not its nodes.
            metadata!.Consume(key);
        }
        metadata?.Finish();
        document.Consume("status");
        var spec = document.Map("spec") ?? SettingsObject.Document(new(), document.PathOf("spec"), [], "");
        var consolidation = spec.Map("consolidation");
        bool? consolidationEnabled = consolidation?.Has("enabled") == true ? consolidation.Bool("enabled", false) : null;
        consolidation?.Finish();
        var ttlEmpty = Seconds(spec, "ttlSecondsAfterEmpty");
        var ttlExpired = Seconds(spec, "ttlSecondsUntilExpired");
        if (consolidationEnabled == true && ttlEmpty is not null)
        {
            spec.Problem("ttlSecondsAfterEmpty", "cannot be set with consolidation.enabled: true (the v1alpha5 webhook refused both).");
        }
        var requirements = spec.Items("requirements").Select(Requirement).OfType<ManifestRequirement>().ToList();
        var taints = spec.Items("taints").Select(Taint).OfType<ManifestTaint>().ToList();
        foreach (var startupTaint in spec.Items("startupTaints").Select(Taint).OfType<ManifestTaint>())
        {
            dropped.Add(new(startupTaint.Path, $"startup taint {startupTaint}: the product's pools have none; the device plugin and GFD start on the GPU taint's tolerations."));
        }
        var labels = spec.StringMap("labels");
        var limits = spec.Map("limits");
        var resources = limits?.StringMap("resources") ?? new Dictionary<string, string>();
        limits?.Finish();
        var provider = spec.Map("provider") is { } inline ? NodeTemplate.Read(inline, allowInstanceType: true) : null;
        string? providerRef = null;
        if (spec.Map("providerRef") is { } reference)
        {
            providerRef = reference.StringOrNull("name");
            reference.Consume("apiVersion");
            reference.Consume("kind");
            reference.Finish();
        }
        foreach (var (key, reason) in DroppedSpecFields)
        {
            if (spec.Consume(key))
            {
                dropped.Add(new(spec.PathOf(key), reason));
            }
        }
        spec.Finish();
        return new(document.Path, name ?? "", consolidationEnabled, spec.PathOf("consolidation.enabled"), ttlEmpty, ttlExpired,
            requirements, taints, labels, resources, provider, providerRef, dropped);
    }

    private static readonly (string Key, string Reason)[] DroppedSpecFields =
    [
        ("annotations", "node annotations have no pool setting."),
        ("kubeletConfiguration", "the product's nodes keep the EKS AMI's kubelet settings; their max pods come from the instance type (plan shows it)."),
        ("weight", "the product's NodePools carry no weight: pods reach a pool by its labels and the resource its profile advertises."),
    ];

    private static long? Seconds(SettingsObject spec, string key)
    {
        if (!spec.Has(key))
        {
            return null;
        }
        var value = spec.WholeNumber(key, -1, 0, int.MaxValue);
        return value < 0 ? null : Math.Min(value, MaxSeconds);
    }

    private static ManifestRequirement? Requirement(SettingsObject item)
    {
        var key = item.StringOrNull("key");
        var op = item.StringOrNull("operator");
        var values = item.StringList("values", []);
        item.Finish();
        if (key is null || op is null)
        {
            item.Problem(key is null ? "key" : "operator", "is required.");
            return null;
        }
        if (!V1Alpha5.Operators.Contains(op))
        {
            item.Problem("operator", $"'{StackInputLimits.Printable(op)}' is not an operator; use one of: {string.Join(", ", V1Alpha5.Operators)}.");
            return null;
        }
        return new(item.Path, key, op, values);
    }

    private static ManifestTaint? Taint(SettingsObject item)
    {
        var key = item.StringOrNull("key");
        var value = item.StringOrNull("value");
        var effect = item.StringOrNull("effect");
        item.Consume("timeAdded");
        item.Finish();
        if (key is null || effect is null)
        {
            item.Problem(key is null ? "key" : "effect", "is required.");
            return null;
        }
        return new(item.Path, key, value, effect);
    }
}
