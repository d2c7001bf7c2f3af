using System.Text.Json;
using AnprExchange.Core.Index;
using AnprExchange.Hotlists.Batches;
using Confluent.Kafka;

namespace AnprExchange.Matcher.Replication;

/// <summary>
/// Saves the index with the hotlist offsets it covers and the versions in force, and loads them back. Layout in the
/// folder: <c>index-&lt;n&gt;.snapshot</c> (HotlistIndexSnapshot format, checksummed) and <c>replication.json</c>
/// naming it, replaced atomically last, so a crash mid-save leaves the previous pair in force.
/// </summary>
internal sealed class ReplicationSnapshotStore(string directory)
{
    private const string StateFile = "replication.json";

    public void Save(HotlistIndex index, IReadOnlyDictionary<TopicPartition, long> offsets, IReadOnlyList<HotlistListStatus> lists)
    {
        Directory.CreateDirectory(directory);
        var indexFile = $"index-{Guid.NewGuid():N}.snapshot";
        HotlistIndexSnapshot.Save(index, Path.Combine(directory, indexFile));
        var state = new SnapshotState(
            indexFile,
            offsets.Select(o => new PartitionOffset(o.Key.Topic, o.Key.Partition.Value, o.Value)).ToArray(),
            lists.ToArray());
        var temporary = Path.Combine(directory, StateFile + ".tmp");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, state, SnapshotJson.Default.SnapshotState);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path.Combine(directory, StateFile), overwrite: true);
        foreach (var old in Directory.EnumerateFiles(directory, "index-*.snapshot"))
        {
            if (Path.GetFileName(old) != indexFile)
            {
                File.Delete(old);
            }
        }
    }

    /// <summary>False when there is no snapshot; throws <see cref="InvalidDataException"/> when there is one that cannot be used.</summary>
    public bool TryLoad(out HotlistIndex index, out Dictionary<TopicPartition, long> offsets, out IReadOnlyList<HotlistListStatus> lists)
    {
        index = null!;
        offsets = [];
        lists = [];
        var statePath = Path.Combine(directory, StateFile);
        if (!File.Exists(statePath))
        {
            return false;
        }
        try
        {
            var state = JsonSerializer.Deserialize(File.ReadAllBytes(statePath), SnapshotJson.Default.SnapshotState)
                ?? throw new InvalidDataException("replication.json is empty");
            index = HotlistIndexSnapshot.Load(Path.Combine(directory, Path.GetFileName(state.IndexFile)));
            offsets = state.Offsets.ToDictionary(o => new TopicPartition(o.Topic, o.Partition), o => o.Offset);
            lists = state.Lists;
            return true;
        }
        catch (Exception e) when (e is JsonException or IOException or HotlistSnapshotException or ArgumentException)
        {
            throw new InvalidDataException($"snapshot in {directory} is unusable: {e.Message}", e);
        }
    }
}

internal sealed record SnapshotState(string IndexFile, PartitionOffset[] Offsets, HotlistListStatus[] Lists);

internal sealed record PartitionOffset(string Topic, int Partition, long Offset);

[System.Text.Json.Serialization.JsonSerializable(typeof(SnapshotState))]
internal sealed partial class SnapshotJson : System.Text.Json.Serialization.JsonSerializerContext;
