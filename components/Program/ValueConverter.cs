using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// Turns typed args records into program expressions: properties become camelCase keys (or their
/// <see cref="PulumiNameAttribute"/>), null members are left out, keys are sorted so output is stable.
/// </summary>
internal static class ValueConverter
{
    private static readonly ConcurrentDictionary<Type, (string Key, PropertyInfo Property)[]> Members = new();

    public static Expr? ToExpr(object? value) => value switch
    {
        null => null,
        Expr expr => expr,
        IExpressible expressible => expressible.Expr,
        string s => new LiteralExpr(s),
        bool b => new LiteralExpr(b),
        int or long or short or byte => new LiteralExpr(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double or float or decimal => new LiteralExpr(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        Enum e => new LiteralExpr(EnumName(e)),
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable items => new ListExpr([.. items.Cast<object?>().Select(i => ToExpr(i) ?? Expr.Null)]),
        _ => FromRecord(value),
    };

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

    private static MapExpr FromRecord(object value)
    {
        var entries = new List<KeyValuePair<string, Expr>>();
        foreach (var (key, property) in MembersOf(value.GetType()))
        {
            var converted = ToExpr(property.GetValue(value));
            if (converted is not null)
            {
                entries.Add(KeyValuePair.Create(key, converted));
            }
        }
        return new MapExpr(entries);
    }

    private static (string Key, PropertyInfo Property)[] MembersOf(Type type) => Members.GetOrAdd(type, static t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => (Key: p.GetCustomAttribute<PulumiNameAttribute>()?.Name ?? CamelCase(p.Name), Property: p))
            .OrderBy(m => m.Key, StringComparer.Ordinal)]);

    private static string EnumName(Enum value)
    {
        var field = value.GetType().GetField(value.ToString());
        return field?.GetCustomAttribute<PulumiNameAttribute>()?.Name ?? CamelCase(value.ToString());
    }

    internal static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
