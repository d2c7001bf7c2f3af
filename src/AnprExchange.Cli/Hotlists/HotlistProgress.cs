namespace AnprExchange.Cli.Hotlists;

/// <summary>
/// Progress while reading a large file: a bar redrawn in place on an interactive terminal, plain lines otherwise
/// (logs, CI, pipes). Driven by rows read; the fraction comes from the file position.
/// </summary>
internal sealed class HotlistProgress(TextWriter writer, bool interactive, Stream file, string label)
{
    private const int BarWidth = 30;
    private bool _drawn;

    public int Interval => interactive ? 10_000 : 100_000;

    public static bool IsInteractive(TextWriter writer) => ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;

    public void Report(int rows)
    {
        var fraction = file.Length == 0 ? 1 : Math.Clamp((double)file.Position / file.Length, 0, 1);
        if (interactive)
        {
            var filled = (int)(fraction * BarWidth);
            writer.Write($"\r{label} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction,4:P0} {rows:N0} rows");
            _drawn = true;
        }
        else
        {
            writer.WriteLine($"{label}: {rows:N0} rows read ({fraction:P0})");
        }
    }

    /// <summary>Ends the bar's line so what follows starts on a fresh one.</summary>
    public void Finish()
    {
        if (_drawn)
        {
            writer.WriteLine();
        }
    }
}
