using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>Marks a stack-file value given as <c>secure:</c> ciphertext, which the compiler cannot read.</summary>
public static class SecretValue
{
    /// <summary>The property a secure value is stored under.</summary>
    public const string SecureKey = "secure";

    /// <summary>Whether the node is an encrypted stack-file value.</summary>
    public static bool IsSecret(JsonNode? node) => node is JsonObject obj && obj.Count == 1 && obj.ContainsKey(SecureKey);
}
