using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;

namespace GpuSlicingInfra.Components.Autoscaling;

/// <summary>
/// Karpenter's interruption queue and the EventBridge rules that feed it, so the controller drains a
/// node before AWS takes it away (security rule 15: SSE, short retention, TLS only).
/// </summary>
internal sealed class KarpenterInterruption
{
    /// <summary>Messages older than this are stale: every event it handles has at most minutes of notice.</summary>
    public const int MessageRetentionSeconds = 300;

    /// <summary>The five event kinds Karpenter handles: logical-name suffix, source and detail-type.</summary>
    public static IReadOnlyList<(string Suffix, string Source, string DetailType)> Events { get; } =
    [
        ("scheduled-change", "aws.health", "AWS Health Event"),
        ("spot-interruption", "aws.ec2", "EC2 Spot Instance Interruption Warning"),
        ("rebalance", "aws.ec2", "EC2 Instance Rebalance Recommendation"),
        ("instance-state-change", "aws.ec2", "EC2 Instance State-change Notification"),
        ("capacity-reservation-interruption", "aws.ec2", "EC2 Capacity Reservation Instance Interruption Warning"),
    ];

    // EventBridge delivers the events; SQS itself is listed as upstream's template lists it.
    private static readonly string[] SendingServices = ["events.amazonaws.com", "sqs.amazonaws.com"];

    public KarpenterInterruption(PulumiProgram program, string name, string clusterName, IReadOnlyDictionary<string, string> tags)
    {
        Queue = new SqsQueue(program, $"{name}-queue", new SqsQueueArgs
        {
            MessageRetentionSeconds = MessageRetentionSeconds,
            SqsManagedSseEnabled = true,
            Tags = ResourceTags.Merge(tags),
        });
        QueuePolicy = new SqsQueuePolicy(program, $"{name}-queue-policy", new SqsQueuePolicyArgs
        {
            QueueUrl = Queue.Url,
            Policy = IamPolicyDocuments.Document(
            [
                new PolicyStatement
                {
                    Sid = "AllowEventsToSend",
                    Effect = "Allow",
                    Principal = new PolicyPrincipal { Service = SendingServices },
                    Action = ["sqs:SendMessage"],
                    Resource = [Queue.Arn],
                },
                new PolicyStatement
                {
                    Sid = "DenyInsecureTransport",
                    Effect = "Deny",
                    Principal = "*",
                    Action = ["sqs:*"],
                    Resource = [Queue.Arn],
                    Condition = new Dictionary<string, IReadOnlyDictionary<string, Expr>>
                    {
                        ["Bool"] = new Dictionary<string, Expr> { ["aws:SecureTransport"] = Expr.Text("false") },
                    },
                },
            ]),
        });
        var rules = new List<Resource>();
        foreach (var (suffix, source, detailType) in Events)
        {
            var rule = new EventRule(program, $"{name}-{suffix}", new EventRuleArgs
            {
                Description = $"Karpenter interruption handling for EKS cluster {clusterName}: {detailType}",
                EventPattern = Input<string>.FromExpr(Expr.ToJson(Expr.From(new SortedDictionary<string, string[]>(StringComparer.Ordinal)
                {
                    ["detail-type"] = [detailType],
                    ["source"] = [source],
                }))),
                Tags = ResourceTags.Merge(tags),
            });
            rules.Add(rule);
            rules.Add(new EventTarget(program, $"{name}-{suffix}-target", new EventTargetArgs
            {
                Rule = rule.RuleName,
                Arn = Queue.Arn,
            }, new ResourceOptions { DependsOn = [QueuePolicy] }));
        }
        Rules = rules;
    }

    /// <summary>The queue.</summary>
    public SqsQueue Queue { get; }

    /// <summary>The queue policy.</summary>
    public SqsQueuePolicy QueuePolicy { get; }

    /// <summary>The rules and their targets.</summary>
    public IReadOnlyList<Resource> Rules { get; }
}
