using System.Text.Json.Nodes;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Tenancy;

/// <summary>
/// The tenants' ValidatingAdmissionPolicies of the fixture stack 'tenants', evaluated with the CEL library the
/// conformance check uses (@bufbuild/cel, tests/conformance) by admission-eval.mjs, against pods shaped as the API
/// server hands them over (quantities as canonical strings). Tenant serving may use pool shared (time-slicing, renamed
/// to nvidia.com/gpu.shared); research may use shared and mps (MPS: one slice per container).
/// </summary>
public sealed class AdmissionPolicyTests
{
    private const string PoolKey = "gpu-slicing-infra/pool";

    private static readonly Lazy<Task<IReadOnlyDictionary<string, Verdict>>> Verdicts = new(EvaluateAllAsync);

    private sealed record Verdict(bool Matched, IReadOnlyList<string> Failures);

    // Name → (tenant, operation, pod, old pod).
    private static readonly Dictionary<string, (string Tenant, string Operation, JsonObject Pod, JsonObject? Old)> Requests = new(StringComparer.Ordinal)
    {
        ["shared-slice"] = ("serving", "CREATE", Pod(Container("nvidia.com/gpu.shared", "1"), selector: "shared"), null),
        ["no-gpu"] = ("serving", "CREATE", Pod(Container("cpu", "2")), null),
        ["no-pool"] = ("serving", "CREATE", Pod(Container("nvidia.com/gpu.shared", "1")), null),
        ["other-tenants-pool"] = ("serving", "CREATE", Pod(Container("nvidia.com/gpu", "1"), selector: "mps"), null),
        ["affinity-allowed"] = ("serving", "CREATE", Pod(Container("nvidia.com/gpu.shared", "2"), affinity: ["shared"]), null),
        ["affinity-reaches-beyond"] = ("serving", "CREATE", Pod(Container("nvidia.com/gpu.shared", "1"), affinity: ["shared", "mps"]), null),
        ["renamed-resource"] = ("serving", "CREATE", Pod(Container("nvidia.com/gpu", "1"), selector: "shared"), null),
        ["renamed-resource-in-init"] = ("serving", "CREATE", Pod(Container("cpu", "1"), selector: "shared", init: Container("nvidia.com/gpu", "1")), null),
        ["mps-one"] = ("research", "CREATE", Pod(Container("nvidia.com/gpu", "1"), selector: "mps"), null),
        ["mps-two"] = ("research", "CREATE", Pod(Container("nvidia.com/gpu", "2"), selector: "mps"), null),
        ["mps-two-in-init"] = ("research", "CREATE", Pod(Container("nvidia.com/gpu", "1"), selector: "mps", init: Container("nvidia.com/gpu", "2")), null),
        ["time-sliced-two"] = ("research", "CREATE", Pod(Container("nvidia.com/gpu.shared", "2"), selector: "shared"), null),
        ["update-of-running-pod"] = ("serving", "UPDATE", Pod(Container("nvidia.com/gpu", "1")), Pod(Container("nvidia.com/gpu", "1"))),
        ["update-of-gated-pod"] = ("serving", "UPDATE", Pod(Container("nvidia.com/gpu.shared", "1")), Pod(Container("nvidia.com/gpu.shared", "1"), gated: true)),
    };

    [Theory]
    [InlineData("shared-slice")]
    [InlineData("no-gpu")]
    [InlineData("affinity-allowed")]
    [InlineData("mps-one")]
    [InlineData("time-sliced-two")]
    public async Task Pods_within_the_rules_are_admitted(string request)
    {
        var verdict = (await Verdicts.Value)[request];

        Assert.True(verdict.Matched);
        Assert.Empty(verdict.Failures);
    }

    [Theory]
    [InlineData("no-pool", "pods of tenant serving that request GPU resources must select one of its pools (shared)")]
    [InlineData("other-tenants-pool", "pool mps is not one tenant serving may use (shared)")]
    [InlineData("affinity-reaches-beyond", "pods of tenant serving that request GPU resources must select one of its pools (shared)")]
    [InlineData("renamed-resource", "pool shared advertises nvidia.com/gpu.shared. Ask for that resource instead.")]
    [InlineData("renamed-resource-in-init", "pool shared advertises nvidia.com/gpu.shared. Ask for that resource instead.")]
    [InlineData("mps-two", "container app asks for more than one GPU slice; pool mps allows one per container")]
    [InlineData("mps-two-in-init", "container init asks for more than one GPU slice; pool mps allows one per container")]
    public async Task Pods_breaking_a_rule_are_denied_with_one_message_that_says_what_to_do(string request, string message)
    {
        var verdict = (await Verdicts.Value)[request];

        var failure = Assert.Single(verdict.Failures);
        Assert.Contains(message, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_are_checked_only_while_the_pod_is_held_by_scheduling_gates()
    {
        // A running pod's resources and node constraints cannot change; a gated one may still gain a node selector.
        var verdicts = await Verdicts.Value;

        Assert.False(verdicts["update-of-running-pod"].Matched);
        Assert.True(verdicts["update-of-gated-pod"].Matched);
        Assert.Single(verdicts["update-of-gated-pod"].Failures);
    }

    private static async Task<IReadOnlyDictionary<string, Verdict>> EvaluateAllAsync()
    {
        var conformance = Path.Combine(RepoPaths.Root, "tests", "conformance");
        var install = await ProcessRunner.RunAsync("bash", [Path.Combine(conformance, "ensure-packages")], conformance);
        Assert.True(install.ExitCode == 0, install.Stderr);
        var script = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Tenancy", "admission-eval.mjs"));
        var result = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        foreach (var tenant in Requests.Values.Select(r => r.Tenant).Distinct())
        {
            var policy = TypedYaml.From(TenantFixture.Program.Resource($"tenant-{tenant}-policy"))!["properties"]!["spec"]!.DeepClone();
            var requests = new JsonArray([.. Requests.Where(r => r.Value.Tenant == tenant).Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Key,
                ["operation"] = r.Value.Operation,
                ["object"] = r.Value.Pod.DeepClone(),
                ["oldObject"] = r.Value.Old?.DeepClone(),
            })]);
            var input = Path.Combine(Path.GetTempPath(), $"gsi-admission-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(input, new JsonObject { ["spec"] = policy, ["requests"] = requests }.ToJsonString());
            try
            {
                var run = await ProcessRunner.RunAsync("node", ["--input-type=module", "-e", script, input], conformance);
                Assert.True(run.ExitCode == 0, run.Stderr);
                foreach (var verdict in JsonNode.Parse(run.Stdout)!.AsArray())
                {
                    result[verdict!["name"]!.GetValue<string>()] = new Verdict(verdict["matched"]!.GetValue<bool>(),
                        [.. verdict["failures"]!.AsArray().Select(f => f!.GetValue<string>())]);
                }
            }
            finally
            {
                File.Delete(input);
            }
        }
        return result;
    }

    private static JsonObject Container(string resource, string quantity) => new()
    {
        ["image"] = "registry.example.com/inference:1.0",
        ["resources"] = new JsonObject { ["limits"] = new JsonObject { [resource] = quantity }, ["requests"] = new JsonObject { [resource] = quantity } },
    };

    // A pod as the API server decodes it; the container is 'app', an init container 'init'.
    private static JsonObject Pod(JsonObject container, string? selector = null, IReadOnlyList<string>? affinity = null, JsonObject? init = null, bool gated = false)
    {
        container["name"] = "app";
        var spec = new JsonObject { ["containers"] = new JsonArray(container), ["restartPolicy"] = "Always" };
        if (selector is not null)
        {
            spec["nodeSelector"] = new JsonObject { [PoolKey] = selector };
        }
        if (affinity is not null)
        {
            var expression = new JsonObject { ["key"] = PoolKey, ["operator"] = "In", ["values"] = new JsonArray([.. affinity.Select(p => (JsonNode)p)]) };
            spec["affinity"] = new JsonObject
            {
                ["nodeAffinity"] = new JsonObject
                {
                    ["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonObject
                    {
                        ["nodeSelectorTerms"] = new JsonArray(new JsonObject { ["matchExpressions"] = new JsonArray(expression) }),
                    },
                },
            };
        }
        if (init is not null)
        {
            init["name"] = "init";
            spec["initContainers"] = new JsonArray(init);
        }
        if (gated)
        {
            spec["schedulingGates"] = new JsonArray(new JsonObject { ["name"] = "example.com/quota" });
        }
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = new JsonObject { ["name"] = "worker", ["namespace"] = "ns" }, ["spec"] = spec };
    }
}
