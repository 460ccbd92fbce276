using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>Marks a stack-file value given as <c>secure:</c> ciphertext, which the compiler cannot read.</summary>
public static class SecretValue
{
    /// <summary>The property a secure value is stored under.</summary>
    public const string SecureKey = "secure";

    /// <summary>
    /// Why a secret of this project's namespace is refused. No setting of this project is secret by nature,
    /// and the program is printed in plain text, so a secret would leak into it.
    /// </summary>
    public const string Message =
        "is a secret (secure: in the stack file, or listed in PULUMI_CONFIG_SECRET_KEYS), but every setting of this project is printed in plain text in the program; set it without --secret.";

    /// <summary>Whether the node is an encrypted stack-file value.</summary>
    public static bool IsSecret(JsonNode? node) => node is JsonObject obj && obj.Count == 1 && obj.ContainsKey(SecureKey);

    /// <summary>A stand-in for a secret whose plain text must go no further.</summary>
    internal static JsonObject Marker() => new() { [SecureKey] = "[secret]" };
}
