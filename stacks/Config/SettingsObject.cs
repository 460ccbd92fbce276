using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>
/// Reads one config map with typed accessors. Every accessor records problems with the full key
/// path instead of throwing, so one pass reports everything; <see cref="Finish"/> reports the keys
/// nobody asked for (unknown keys are errors, never silently ignored).
/// </summary>
public sealed class SettingsObject
{
    private readonly JsonObject _node;
    private readonly string _path;
    private readonly List<ConfigProblem> _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly ISet<string>? _requested;
    private readonly string _unknownKeyHint;

    internal SettingsObject(JsonObject node, string path, List<ConfigProblem> problems, ISet<string>? requested = null,
        string unknownKeyHint = "Check the spelling against the config reference in the README.")
    {
        _node = node;
        _path = path;
        _problems = problems;
        _requested = requested;
        _unknownKeyHint = unknownKeyHint;
    }

    /// <summary>The key path of this map.</summary>
    public string Path => _path;

    /// <summary>
    /// The keys present, in ordinal order: a stack file keeps the order they were written in, while
    /// <c>PULUMI_CONFIG</c> arrives with map keys sorted (Go's encoding/json), so one canonical order makes
    /// pools, profiles, labels and tags come out the same from both sources, however they were written.
    /// </summary>
    public IEnumerable<string> Keys => _node.Select(p => p.Key).Order(StringComparer.Ordinal);

    /// <summary>Whether a key is present.</summary>
    public bool Has(string key)
    {
        _requested?.Add(PathOf(key));
        return _node.ContainsKey(key);
    }

    /// <summary>Marks a key as read without reading it (a field taken or dropped whole); whether it is present.</summary>
    public bool Consume(string key)
    {
        _read.Add(key);
        return Has(key);
    }

    /// <summary>The full path of a child key.</summary>
    public string PathOf(string key) => _path.Length == 0 || _path.EndsWith(':') ? _path + key : _path + "." + key;

    /// <summary>Records a problem at a child key.</summary>
    public void Problem(string key, string message) => _problems.Add(new ConfigProblem(PathOf(key), message));

    /// <summary>A string, or <paramref name="fallback"/> when absent.</summary>
    public string Text(string key, string fallback) => StringOrNull(key) ?? fallback;

    /// <summary>A string, or null when absent.</summary>
    public string? StringOrNull(string key)
    {
        var node = Take(key);
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }
        Problem(key, node is JsonValue scalar && scalar.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            ? $"expected a string, got the {(scalar.GetValueKind() == JsonValueKind.Number ? "number" : "boolean")} {Describe(node)}: quote the value exactly as you mean it (\"1.30\", not 1.30): unquoted, YAML reads it as a {(scalar.GetValueKind() == JsonValueKind.Number ? "number, dropping trailing zeros" : "boolean")}."
            : $"expected a string, got {Describe(node)}.");
        return null;
    }

    /// <summary>An integer within [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent or invalid.</summary>
    public int WholeNumber(string key, int fallback, int min, int max)
    {
        var node = Take(key);
        if (node is null)
        {
            return fallback;
        }
        long? number = node is JsonValue v
            ? v.TryGetValue<long>(out var l) ? l
            // Doubles beyond ±1e15 are out of every range here; clamping keeps the cast defined.
            : v.TryGetValue<double>(out var d) && d == Math.Floor(d) ? (long)Math.Clamp(d, -1e15, 1e15)
            : v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p
            : null
            : null;
        if (number is null)
        {
            Problem(key, $"expected an integer, got {Describe(node)}.");
            return fallback;
        }
        if (number < min || number > max)
        {
            Problem(key, $"{Describe(node)} is out of range; allowed: {min} to {max}.");
            return fallback;
        }
        return (int)number;
    }

    /// <summary>A non-negative decimal number, or null when absent or invalid.</summary>
    public decimal? Amount(string key)
    {
        var node = Take(key);
        if (node is null)
        {
            return null;
        }
        decimal? number = node is JsonValue v
            ? v.TryGetValue<decimal>(out var m) ? m
            // Beyond decimal's range the cast would throw: such a price is invalid anyway.
            : v.TryGetValue<double>(out var d) && Math.Abs(d) < 1e15 ? (decimal)d
            : v.TryGetValue<long>(out var l) ? l
            : v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p
            : null
            : null;
        if (number is null or < 0)
        {
            Problem(key, $"expected a non-negative number, got {Describe(node)}.");
            return null;
        }
        return number;
    }

    /// <summary>A boolean, or <paramref name="fallback"/> when absent or invalid.</summary>
    public bool Bool(string key, bool fallback)
    {
        var node = Take(key);
        if (node is null)
        {
            return fallback;
        }
        if (node is JsonValue v)
        {
            if (v.TryGetValue<bool>(out var b))
            {
                return b;
            }
            if (v.TryGetValue<string>(out var s) && s is "true" or "false")
            {
                return s == "true";
            }
        }
        Problem(key, $"expected true or false, got {Describe(node)}.");
        return fallback;
    }

    /// <summary>One of <paramref name="allowed"/> (by config spelling), or <paramref name="fallback"/>.</summary>
    public T Choice<T>(string key, T fallback, IReadOnlyDictionary<string, T> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var text = StringOrNull(key);
        if (text is null)
        {
            return fallback;
        }
        if (allowed.TryGetValue(text, out var value))
        {
            return value;
        }
        Problem(key, $"'{text}' is not allowed; use one of: {string.Join(", ", allowed.Keys)}.");
        return fallback;
    }

    /// <summary>A list of strings, or <paramref name="fallback"/> when absent.</summary>
    public IReadOnlyList<string> StringList(string key, IReadOnlyList<string> fallback)
    {
        var node = Structured(Take(key), key, expectList: true);
        if (node is null)
        {
            return fallback;
        }
        if (node is not JsonArray array)
        {
            Problem(key, $"expected a list of strings, got {Describe(node)}.");
            return fallback;
        }
        var items = new List<string>();
        foreach (var (item, index) in array.Select((n, i) => (n, i)))
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var s))
            {
                items.Add(s);
            }
            else
            {
                _problems.Add(new ConfigProblem($"{PathOf(key)}[{index}]", $"expected a string, got {Describe(item)}."));
            }
        }
        return items;
    }

    /// <summary>A map of strings to strings, or an empty map when absent.</summary>
    public IReadOnlyDictionary<string, string> StringMap(string key)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var child = Map(key);
        if (child is null)
        {
            return map;
        }
        foreach (var name in child.Keys.ToList())
        {
            if (child.StringOrNull(name) is { } value)
            {
                map[name] = value;
            }
        }
        return map;
    }

    /// <summary>A nested map, or null when absent or not a map.</summary>
    public SettingsObject? Map(string key)
    {
        var node = Structured(Take(key), key, expectList: false);
        if (node is null)
        {
            return null;
        }
        if (node is not JsonObject obj)
        {
            Problem(key, $"expected a map, got {Describe(node)}.");
            return null;
        }
        return new SettingsObject(obj, PathOf(key), _problems, _requested, _unknownKeyHint);
    }

    /// <summary>The items of a list of maps (<c>requirements</c>, <c>taints</c>), each at <c>key[i]</c>; empty when absent.</summary>
    public IReadOnlyList<SettingsObject> Items(string key)
    {
        var node = Structured(Take(key), key, expectList: true);
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray array)
        {
            Problem(key, $"expected a list, got {Describe(node)}.");
            return [];
        }
        var items = new List<SettingsObject>();
        foreach (var (item, index) in array.Select((n, i) => (n, i)))
        {
            if (item is JsonObject obj)
            {
                items.Add(new SettingsObject(obj, $"{PathOf(key)}[{index}]", _problems, _requested, _unknownKeyHint));
            }
            else
            {
                _problems.Add(new ConfigProblem($"{PathOf(key)}[{index}]", $"expected a map, got {Describe(item)}."));
            }
        }
        return items;
    }

    /// <summary>The entries of a map whose values are maps (named pools, profiles), in key order.</summary>
    public IReadOnlyList<(string Name, SettingsObject Value)> Entries(string key)
    {
        var map = Map(key);
        if (map is null)
        {
            return [];
        }
        var entries = new List<(string, SettingsObject)>();
        foreach (var name in map.Keys.ToList())
        {
            if (map.Map(name) is { } value)
            {
                entries.Add((name, value));
            }
        }
        map.Finish();
        return entries;
    }

    /// <summary>
    /// A key a release removed: when present it is an error with <paramref name="replacement"/> (what to write instead)
    /// rather than a bare unknown key; it is not one of the keys the binder reads (<c>KnownKeys</c>).
    /// </summary>
    public void Removed(string key, string replacement)
    {
        if (_node.ContainsKey(key))
        {
            _read.Add(key);
            Problem(key, $"was removed; {replacement}");
        }
    }

    /// <summary>Reports every key that no accessor read.</summary>
    public void Finish()
    {
        foreach (var key in Keys.Where(k => !_read.Contains(k)))
        {
            Problem(key, UnknownKeyMessage(key));
        }
    }

    // The config reference lists keys as dotted paths; written that way they are one unknown key, so say
    // how they nest. A near miss of a key this map reads is most likely a typo.
    private string UnknownKeyMessage(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && _read.Contains(key[..dot]))
        {
            return $"unknown key. Keys nest: the config reference's '{key}' is written as '{key[..dot]}:' with '{key[(dot + 1)..]}:' indented under it.";
        }
        var nearest = _read.Where(k => !_node.ContainsKey(k))
            .Select(k => (Key: k, Distance: EditDistance.Of(k.ToUpperInvariant(), key.ToUpperInvariant())))
            .Where(c => c.Distance <= 2)
            .OrderBy(c => c.Distance).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key)
            .FirstOrDefault();
        return nearest is null
            ? $"unknown key. {_unknownKeyHint}"
            : $"unknown key; did you mean '{nearest}'?";
    }

    private JsonNode? Take(string key)
    {
        _read.Add(key);
        _requested?.Add(PathOf(key));
        var node = _node[key];
        if (SecretValue.IsSecret(node))
        {
            Problem(key, SecretValue.Message);
            return null;
        }
        return node;
    }

    // Values from PULUMI_CONFIG arrive as strings with JSON inside; stack files give real maps and lists.
    private JsonNode? Structured(JsonNode? node, string key, bool expectList)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var text) && text.TrimStart().StartsWith(expectList ? '[' : '{'))
        {
            try
            {
                return StackInputLimits.ParseJson(text);
            }
            catch (JsonException e)
            {
                Problem(key, $"holds malformed JSON ({StackInputLimits.OneLine(e.Message)}).");
                return null;
            }
        }
        return node;
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "a map",
        JsonArray => "a list",
        JsonValue v when v.TryGetValue<string>(out var s) => $"'{StackInputLimits.Printable(s)}'",
        _ => node.ToJsonString(),
    };

    /// <summary>
    /// Starts reading a root map whose child paths are <c>{prefix}{key}</c>. When <paramref name="requested"/>
    /// is given, every key path an accessor asks for is recorded there, present or not: that is the schema.
    /// </summary>
    internal static SettingsObject Root(JsonObject node, string prefix, List<ConfigProblem> problems, ISet<string>? requested = null) =>
        new(node, prefix, problems, requested);

    /// <summary>Starts reading a document that is not stack config (an imported manifest); unknown keys get <paramref name="unknownKeyHint"/>.</summary>
    internal static SettingsObject Document(JsonObject node, string prefix, List<ConfigProblem> problems, string unknownKeyHint) =>
        new(node, prefix, problems, unknownKeyHint: unknownKeyHint);
}
