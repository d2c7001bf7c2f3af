namespace AnprExchange.Cli.Demo;

/// <summary>Random plates in the real formats of the Benelux and neighbours, from a seeded generator.</summary>
internal static class SamplePlates
{
    private const string Letters = "ABCDEFGHJKLMNPRSTVXYZ";

    public static string Next(Random random, string country) => country switch
    {
        // Belgium: 1-ABC-123
        "BE" => $"{random.Next(1, 10)}-{L(random, 3)}-{D(random, 3)}",
        // Netherlands: a few current side codes.
        "NL" => random.Next(4) switch
        {
            0 => $"{L(random, 2)}-{D(random, 3)}-{L(random, 1)}",
            1 => $"{D(random, 2)}-{L(random, 3)}-{D(random, 1)}",
            2 => $"{D(random, 1)}-{L(random, 3)}-{D(random, 2)}",
            _ => $"{L(random, 2)}-{D(random, 2)}-{L(random, 2)}",
        },
        // Luxembourg: AB 1234
        "LU" => $"{L(random, 2)} {D(random, 4)}",
        // Germany: B-MW 1234
        "DE" => $"{L(random, random.Next(1, 4))}-{L(random, 2)} {random.Next(1, 10000)}",
        // France: AB-123-CD
        _ => $"{L(random, 2)}-{D(random, 3)}-{L(random, 2)}",
    };

    private static string L(Random random, int count) => string.Create(count, random, static (span, r) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Letters[r.Next(Letters.Length)];
        }
    });

    private static string D(Random random, int count) => string.Create(count, random, static (span, r) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)('0' + r.Next(10));
        }
    });
}
