using System.Globalization;
using System.Text.RegularExpressions;
using GpuSlicingInfra.Components;
using GpuSlicingInfra.Components.Gpu;

namespace GpuSlicingInfra.Stacks.Import;

/// <summary>
/// Narrows the instance catalog by a Provisioner's requirements on the labels Karpenter derives from each instance type
/// (aws/karpenter-provider-aws <c>pkg/providers/instancetype/types.go</c>, <c>computeRequirements</c>): what is left
/// becomes the pool's <c>instanceTypes</c>.
/// </summary>
internal sealed partial class InstanceTypeSelection
{
    private static readonly Dictionary<string, Func<GpuInstanceType, string>> Attributes = new(StringComparer.Ordinal)
    {
        [WellKnownKeys.InstanceTypeLabel] = t => t.Name,
        ["beta.kubernetes.io/instance-type"] = t => t.Name,
        [WellKnownKeys.InstanceFamilyLabel] = t => t.Family,
        ["karpenter.k8s.aws/instance-size"] = t => t.Name[(t.Name.IndexOf('.', StringComparison.Ordinal) + 1)..],
        ["karpenter.k8s.aws/instance-category"] = t => FamilyParts().Match(t.Name).Groups[1].Value,
        ["karpenter.k8s.aws/instance-generation"] = t => FamilyParts().Match(t.Name).Groups[3].Value,
        [WellKnownKeys.InstanceGpuCountLabel] = t => t.GpuCount.ToString(CultureInfo.InvariantCulture),
        ["karpenter.k8s.aws/instance-gpu-name"] = t => GpuName(t.GpuModel),
        ["karpenter.k8s.aws/instance-gpu-manufacturer"] = _ => "nvidia",
        ["karpenter.k8s.aws/instance-gpu-memory"] = t => (t.GpuMemoryGiB * 1024).ToString(CultureInfo.InvariantCulture),
        ["karpenter.k8s.aws/instance-cpu"] = t => t.VCpus.ToString(CultureInfo.InvariantCulture),
        ["karpenter.k8s.aws/instance-memory"] = t => (t.MemoryGiB * 1024).ToString(CultureInfo.InvariantCulture),
        ["kubernetes.io/arch"] = t => t.Architecture.Label(),
    };

    private readonly IReadOnlyList<GpuInstanceType> _candidates;
    private List<GpuInstanceType> _selected;
    private readonly HashSet<string> _families = new(StringComparer.Ordinal);
    private bool _narrowedWithinFamilies;

    /// <summary>Starts from every type of <paramref name="catalog"/> that Karpenter can provision.</summary>
    public InstanceTypeSelection(GpuInstanceCatalog catalog)
    {
        _candidates = [.. catalog.All.Where(t => t.KarpenterCanProvision)];
        _selected = [.. _candidates];
    }

    /// <summary>Whether some requirement (or the provider's instance type) picked instance types at all.</summary>
    public bool Constrained { get; private set; }

    /// <summary>The types left, in catalog order.</summary>
    public IReadOnlyList<GpuInstanceType> Selected => _selected;

    /// <summary>
    /// Whether the selection is whole families (an <c>instance-family In</c> and nothing narrower), so the pool can keep
    /// Karpenter's choice of size (<c>karpenterInstanceSelection: family</c>).
    /// </summary>
    public bool IsWholeFamilies => _families.Count > 0 && !_narrowedWithinFamilies
        && _selected.Select(t => t.Family).ToHashSet(StringComparer.Ordinal).SetEquals(_families);

    /// <summary>Whether the selection reads <paramref name="key"/>.</summary>
    public static bool Handles(string key) => Attributes.ContainsKey(key);

    /// <summary>Applies one requirement on a key <see cref="Handles"/> accepts; a problem message when it cannot be applied.</summary>
    public string? Apply(ManifestRequirement requirement)
    {
        var attribute = Attributes[requirement.Key];
        var before = _selected.Count;
        switch (requirement.Operator)
        {
            case "In":
                _selected = [.. _selected.Where(t => requirement.Values.Contains(attribute(t), StringComparer.Ordinal))];
                break;
            case "NotIn":
                _selected = [.. _selected.Where(t => !requirement.Values.Contains(attribute(t), StringComparer.Ordinal))];
                break;
            case "DoesNotExist":
                // Every catalog type carries each of these labels.
                _selected = [];
                break;
            case "Gt" or "Lt":
                if (requirement.Values.Count != 1 || !long.TryParse(requirement.Values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var bound))
                {
                    return $"{requirement.Operator} takes exactly one integer value.";
                }
                _selected = [.. _selected.Where(t => long.TryParse(attribute(t), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                    && (requirement.Operator == "Gt" ? v > bound : v < bound))];
                break;
        }
        if (requirement.Key == WellKnownKeys.InstanceFamilyLabel && requirement.Operator == "In")
        {
            _families.UnionWith(requirement.Values);
        }
        else if (_selected.Count != before && requirement.Key != "kubernetes.io/arch")
        {
            _narrowedWithinFamilies = true;
        }
        Constrained |= requirement.Key != "kubernetes.io/arch" && requirement.Operator != "Exists";
        return null;
    }

    /// <summary>Keeps only <paramref name="instanceType"/> (a provider block's <c>instanceType</c>).</summary>
    public void Only(string instanceType)
    {
        _selected = [.. _selected.Where(t => t.Name == instanceType)];
        _narrowedWithinFamilies = true;
        Constrained = true;
    }

    // Karpenter's lowerKabobCase of EC2's GPU name, which is the catalog's model without the vendor: "NVIDIA A10G" → a10g.
    private static string GpuName(string model) =>
        (model.StartsWith("NVIDIA ", StringComparison.Ordinal) ? model["NVIDIA ".Length..] : model).ToLowerInvariant().Replace(' ', '-');

    // Karpenter's instanceTypeScheme: category, optional "-<n>tb", generation, then the rest of the family and the size.
    [GeneratedRegex(@"\A([a-z]+)(-[0-9]+tb)?([0-9]+)[a-z0-9-]*\.[a-z0-9]+\z")]
    private static partial Regex FamilyParts();
}
