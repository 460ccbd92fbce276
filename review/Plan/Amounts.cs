namespace GpuSlicingInfra.Review.Plan;

/// <summary>Money arithmetic for the plan: decimal throughout, trailing zeros dropped so JSON shows <c>383.98</c>, not <c>383.980</c>.</summary>
internal static class Amounts
{
    public static Money Of(decimal hourly) => new(Normalize(hourly), Normalize(Cost.HourlyRates.Monthly(hourly)));

    public static Money Sum(IEnumerable<Money> amounts) => Of(amounts.Sum(a => a.Hourly));

    /// <summary>Rounds to 4 decimal places (a hundredth of a cent) and drops trailing zeros.</summary>
    public static decimal Normalize(decimal value) => decimal.Round(value, 4, MidpointRounding.AwayFromZero) / 1.0000000000000000000000000000m;
}
