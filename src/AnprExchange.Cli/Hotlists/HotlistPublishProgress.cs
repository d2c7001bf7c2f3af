using AnprExchange.Hotlists.Publishing;

namespace AnprExchange.Cli.Hotlists;

/// <summary>
/// Progress while a push is acknowledged by the cluster: a bar redrawn in place on an interactive terminal, a plain
/// line every few seconds otherwise. Polls the sink's delivered count while the publisher runs on another thread.
/// </summary>
internal static class HotlistPublishProgress
{
    private const int BarWidth = 30;

    public static async Task Track(Task publishing, KafkaHotlistRecordSink sink, long total, string label, TextWriter writer, bool interactive)
    {
        var interval = interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        var drawn = false;
        while (!publishing.IsCompleted)
        {
            await Task.WhenAny(publishing, Task.Delay(interval, CancellationToken.None));
            if (publishing.IsCompleted)
            {
                break;
            }
            var done = Math.Min(sink.Delivered, total);
            var fraction = total == 0 ? 1 : (double)done / total;
            if (interactive)
            {
                var filled = (int)(fraction * BarWidth);
                writer.Write($"\r{label} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction,4:P0} {done:N0}/{total:N0} records acknowledged");
                drawn = true;
            }
            else
            {
                writer.WriteLine($"{label}: {done:N0} of {total:N0} records acknowledged ({fraction:P0})");
            }
        }
        if (drawn)
        {
            writer.WriteLine();
        }
    }
}
