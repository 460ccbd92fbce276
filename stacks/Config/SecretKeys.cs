using System.Text.Json;
using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>
/// Which config keys are secret. Pulumi does not tell a YAML compiler (pulumi-yaml <c>pkg/server/server.go</c>,
/// <c>Run</c>, passes only PULUMI_STACK, PULUMI_ORGANIZATION, PULUMI_PROJECT, PULUMI_CONFIG and
/// PULUMI_ROOT_DIRECTORY, with secrets decrypted), so the compiler learns it from the stack file's
/// <c>secure:</c> values and from <see cref="Variable"/>.
/// </summary>
public static class SecretKeys
{
    /// <summary>
    /// Optional list of secret full keys (<c>namespace:key</c>, as Pulumi's <c>ConfigSecretKeys</c>): a JSON array
    /// of strings, or the keys separated by commas.
    /// </summary>
    public const string Variable = "PULUMI_CONFIG_SECRET_KEYS";

    /// <summary>Parses <see cref="Variable"/>; unset or blank is no keys.</summary>
    /// <exception cref="ConfigException">A JSON array that is malformed or holds something other than strings.</exception>
    public static IReadOnlySet<string> Parse(string? text)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return keys;
        }
        if (!text.TrimStart().StartsWith('['))
        {
            keys.UnionWith(text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            return keys;
        }
        try
        {
            if (StackInputLimits.ParseJson(text) is JsonArray array && array.All(k => k is JsonValue v && v.TryGetValue<string>(out _)))
            {
                keys.UnionWith(array.Select(k => k!.GetValue<string>()));
                return keys;
            }
        }
        catch (JsonException e)
        {
            throw new ConfigException(Variable, $"is not valid JSON ({StackInputLimits.OneLine(e.Message)}); use a JSON array of keys or a comma-separated list.");
        }
        throw new ConfigException(Variable, "must be a JSON array of strings (full keys such as \"gpu-slicing-infra:tags\") or a comma-separated list.");
    }

    /// <summary>
    /// Replaces every secret value of this project in <paramref name="config"/> with a stand-in, so its plain
    /// text can reach neither the program nor an error message: the keys in <paramref name="secretKeys"/>, and
    /// wherever the stack file holds a <c>secure:</c> value. The binder then refuses each stand-in by path.
    /// </summary>
    public static StackConfig Mask(StackConfig config, StackConfig? stackFile, IReadOnlySet<string> secretKeys)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(secretKeys);
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in config.Values)
        {
            // Other namespaces' secrets belong to their providers, which read them from Pulumi, not from the program.
            values[key] = !ConfigKeys.IsOurs(key) ? value
                : secretKeys.Contains(key) ? SecretValue.Marker()
                : stackFile is not null && stackFile.Values.TryGetValue(key, out var fromFile) ? CopyMarkers(fromFile, value)
                : value;
        }
        return config with { Values = values };
    }

    // Puts a stand-in wherever the stack file has a secure value. PULUMI_CONFIG holds structured values as JSON
    // text: it is parsed to follow the file's structure, and if it cannot be, the whole value is masked.
    private static JsonNode? CopyMarkers(JsonNode? fromFile, JsonNode? value)
    {
        if (SecretValue.IsSecret(fromFile))
        {
            return SecretValue.Marker();
        }
        if (!HasSecret(fromFile))
        {
            return value;
        }
        if (value is JsonValue text && text.TryGetValue<string>(out var json))
        {
            try
            {
                value = StackInputLimits.ParseJson(json);
            }
            catch (JsonException)
            {
                return SecretValue.Marker();
            }
        }
        switch (fromFile, value)
        {
            case (JsonObject fileMap, JsonObject map):
                var masked = new JsonObject();
                foreach (var (key, child) in map)
                {
                    masked[key] = fileMap.TryGetPropertyValue(key, out var fileChild) ? CopyMarkers(fileChild, child?.DeepClone()) : child?.DeepClone();
                }
                return masked;
            case (JsonArray fileList, JsonArray list) when fileList.Count == list.Count:
                return new JsonArray([.. list.Select((child, i) => CopyMarkers(fileList[i], child?.DeepClone()))]);
            default:
                return SecretValue.Marker();
        }
    }

    private static bool HasSecret(JsonNode? node) => node switch
    {
        _ when SecretValue.IsSecret(node) => true,
        JsonObject map => map.Any(p => HasSecret(p.Value)),
        JsonArray list => list.Any(HasSecret),
        _ => false,
    };
}
