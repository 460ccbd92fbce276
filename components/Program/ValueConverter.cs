using System.Collections;
using System.Globalization;

namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// Turns typed args records into program expressions: properties become camelCase keys (or their
/// <see cref="PulumiNameAttribute"/>), null members are left out, keys are sorted so output is stable.
/// The per-type maps are generated at build time (generators/ArgsMapGenerator), not read by reflection,
/// so a trimmed Native AOT build writes the same program as the JIT build.
/// </summary>
internal static partial class ValueConverter
{
    public static Expr? ToExpr(object? value) => value switch
    {
        null => null,
        Expr expr => expr,
        IExpressible expressible => expressible.Expr,
        string s => new LiteralExpr(s),
        bool b => new LiteralExpr(b),
        int or long or short or byte => new LiteralExpr(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double or float or decimal => new LiteralExpr(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        Enum e => new LiteralExpr(KnownEnumName(e) ?? throw Unmapped(e.GetType())),
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable items => new ListExpr([.. items.Cast<object?>().Select(i => ToExpr(i) ?? Expr.Null)]),
        _ => Records.TryGetValue(value.GetType(), out var map) ? map(value) : throw Unmapped(value.GetType()),
    };

    /// <summary>Whether values of <paramref name="type"/> are converted by a generated record map.</summary>
    internal static bool IsMappedRecord(Type type) => Records.ContainsKey(type);

    internal static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The schema name of a member of an enum declared in this assembly; null for any other enum.</summary>
    private static partial string? KnownEnumName(Enum value);

    // Members in key order (the generator sorts them); null members are left out.
    private static MapExpr Map(ReadOnlySpan<(string Key, object? Value)> members)
    {
        var entries = new List<KeyValuePair<string, Expr>>(members.Length);
        foreach (var (key, value) in members)
        {
            if (ToExpr(value) is { } converted)
            {
                entries.Add(KeyValuePair.Create(key, converted));
            }
        }
        return new MapExpr(entries);
    }

    private static MapExpr FromDictionary(IDictionary dictionary)
    {
        var entries = new List<KeyValuePair<string, Expr>>();
        foreach (DictionaryEntry entry in dictionary)
        {
            var converted = ToExpr(entry.Value);
            if (converted is not null)
            {
                entries.Add(KeyValuePair.Create((string)entry.Key, converted));
            }
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new MapExpr(entries);
    }

    // A type outside the generated maps would otherwise become an empty map: the resource would lose
    // every input while the compiler still exits 0.
    private static InvalidOperationException Unmapped(Type type) => new(
        $"{type.FullName} has no generated program mapping: only records and enums declared in GpuSlicingInfra.Components " +
        "(not generic, not private) are converted; pass an Expr, an Input or a dictionary instead.");
}
