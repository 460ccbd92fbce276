using GpuSlicingInfra.Components.Tenancy;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>
/// Binds <c>tenants.&lt;name&gt;</c> to <see cref="TenantOptions"/> and <c>tenancy</c> to <see cref="TenancyOptions"/>.
/// Checks against the pools live in <see cref="TenancyProblems"/>, which name the same key paths.
/// </summary>
internal static class TenantsBinder
{
    // Most slices one quota item may hold: far above any cluster, low enough to catch a stray digit.
    private const int MaxSlices = 100_000;

    private static readonly Dictionary<string, ValidationAction> Actions = new(StringComparer.Ordinal)
    {
        ["Deny"] = ValidationAction.Deny,
        ["Warn"] = ValidationAction.Warn,
        ["Audit"] = ValidationAction.Audit,
    };

    public static TenantOptions Bind(string name, SettingsObject tenant)
    {
        var options = new TenantOptions
        {
            Name = name,
            Namespace = tenant.StringOrNull("namespace"),
            Labels = tenant.StringMap("labels"),
            Annotations = tenant.StringMap("annotations"),
            Pools = tenant.StringList("pools", []),
            Slices = Slices(tenant.Map("slices")),
        };
        if (!tenant.Has("pools") && options.Pools.Count == 0)
        {
            tenant.Problem("pools", "is required: the GPU pools (keys of gpuPools) this tenant's pods may use.");
        }
        tenant.Finish();
        return options;
    }

    public static TenancyOptions BindTenancy(SettingsObject? section)
    {
        var defaults = new TenancyOptions();
        if (section is null)
        {
            return defaults;
        }
        var actions = new List<ValidationAction>();
        var refused = false;
        foreach (var (text, index) in section.StringList("validationActions", ["Deny"]).Select((t, i) => (t, i)))
        {
            if (Actions.TryGetValue(text, out var action))
            {
                actions.Add(action);
            }
            else
            {
                section.Problem($"validationActions[{index}]", $"'{text}' is not one of Deny, Warn, Audit.");
                refused = true;
            }
        }
        var options = new TenancyOptions
        {
            // After a refused entry the rest would read as a different list (empty, or missing its Deny): keep the default.
            ValidationActions = refused ? defaults.ValidationActions : actions,
            PriorityClasses = section.Bool("priorityClasses", defaults.PriorityClasses),
        };
        section.Finish();
        return options;
    }

    private static SortedDictionary<string, int> Slices(SettingsObject? slices)
    {
        var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (slices is null)
        {
            return result;
        }
        foreach (var resource in slices.Keys.ToList())
        {
            result[resource] = slices.WholeNumber(resource, 0, 0, MaxSlices);
        }
        slices.Finish();
        return result;
    }
}
