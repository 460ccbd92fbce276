using System.Collections.Frozen;
using GpuSlicingInfra.Components.Validation;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// The GPU instance types a stack may use: <see cref="BuiltIn"/> (<see cref="BuiltInGpuInstanceTypes"/>) plus,
/// through <see cref="With"/>, the types a stack describes in its <c>instanceCatalog</c> setting. Pools carry the
/// catalog they were bound with (<see cref="GpuPoolOptions.Catalog"/>), so every lookup (validation, NodePool
/// requirements, capacity) sees the same types; a type in neither is an error naming <c>gpuPools.&lt;name&gt;.instanceTypes</c>.
/// </summary>
public sealed class GpuInstanceCatalog
{
    private readonly FrozenDictionary<string, GpuInstanceType> _types;

    private GpuInstanceCatalog(IEnumerable<GpuInstanceType> types)
    {
        _types = types.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
        All = [.. _types.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    /// <summary>The product's own catalog.</summary>
    public static GpuInstanceCatalog BuiltIn { get; } = new(BuiltInGpuInstanceTypes.All);

    /// <summary>Every known type, ordered by name.</summary>
    public IReadOnlyList<GpuInstanceType> All { get; }

    /// <summary>The type with this name, or null when unknown.</summary>
    public GpuInstanceType? Find(string name) => _types.GetValueOrDefault(name);

    /// <summary>This catalog with <paramref name="extension"/> added.</summary>
    /// <exception cref="ArgsValidationException">When a type has <see cref="ExtensionProblems"/>.</exception>
    public GpuInstanceCatalog With(IEnumerable<GpuInstanceType> extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var added = extension.ToList();
        ArgsValidationException.ThrowIfAny(nameof(GpuInstanceCatalog), [.. added.SelectMany(ExtensionProblems)]);
        return added.Count == 0 ? this : new(_types.Values.Concat(added));
    }

    /// <summary>
    /// What is wrong with adding <paramref name="type"/> to this catalog, each problem's field the type's name or
    /// <c>{name}.GpuModel</c>: a malformed name, a name already known (one source of facts per type; a different price
    /// belongs in the stack's <c>prices</c>), a non-positive count or an empty GPU model.
    /// </summary>
    public IReadOnlyList<ArgsProblem> ExtensionProblems(GpuInstanceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var problems = new List<ArgsProblem>();
        if (!ConfigRules.IsInstanceTypeName(type.Name))
        {
            problems.Add(new(type.Name, $"'{type.Name}' is not an EC2 instance type name such as g6.xlarge."));
        }
        else if (Find(type.Name) is not null)
        {
            problems.Add(new(type.Name, $"'{type.Name}' is already in the catalog; remove it here (a different price goes in prices.{type.Name})."));
        }
        if (!IsModelName(type.GpuModel))
        {
            problems.Add(new($"{type.Name}.{nameof(GpuInstanceType.GpuModel)}", $"'{type.GpuModel}' must name the GPU in ASCII letters, digits, spaces, '.', '-' or '_' (at most 64), e.g. NVIDIA L4."));
        }
        if (type.GpuCount < 1 || type.GpuMemoryGiB < 1 || type.VCpus < 1 || type.MemoryGiB < 1 || type.MaxPods < 1)
        {
            problems.Add(new(type.Name, "GPUs, GPU memory, vCPUs, memory and max pods must all be at least 1."));
        }
        return problems;
    }

    // The model is shown in plans and matched by name elsewhere (MIG layouts); ASCII keeps look-alike digits and
    // control characters out.
    private static bool IsModelName(string model) =>
        model.Length is > 0 and <= 64 && char.IsAsciiLetterOrDigit(model[0]) && char.IsAsciiLetterOrDigit(model[^1])
        && model.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '-' or '_');
}
