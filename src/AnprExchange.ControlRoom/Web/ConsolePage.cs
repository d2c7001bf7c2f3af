namespace AnprExchange.ControlRoom.Web;

/// <summary>The console's single static page, embedded in the assembly (no front-end build, no wwwroot to deploy).</summary>
internal static class ConsolePage
{
    private static readonly Lazy<byte[]> Html = new(() =>
    {
        using var stream = typeof(ConsolePage).Assembly.GetManifestResourceStream("AnprExchange.ControlRoom.Console.index.html")
            ?? throw new InvalidOperationException("The console page is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static ReadOnlyMemory<byte> Bytes => Html.Value;
}
