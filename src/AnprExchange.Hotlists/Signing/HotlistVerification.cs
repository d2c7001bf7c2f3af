namespace AnprExchange.Hotlists.Signing;

/// <summary>The outcome of verifying a batch, with a reason fit for a log line or a status display.</summary>
public readonly record struct HotlistVerification(HotlistVerdict Verdict, string Reason)
{
    public bool IsAccepted => Verdict == HotlistVerdict.Accepted;

    public static HotlistVerification Accepted { get; } = new(HotlistVerdict.Accepted, "signature and digest verify");

    public override string ToString() => $"{Verdict}: {Reason}";
}
