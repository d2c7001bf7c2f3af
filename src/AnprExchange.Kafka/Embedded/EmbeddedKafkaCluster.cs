using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace AnprExchange.Kafka;

/// <summary>
/// An in-process Kafka-protocol cluster: librdkafka's mock cluster, listening on 127.0.0.1 with real TCP, real
/// consumer groups, idempotence and transactions, and fault injection. Its limits (design.md): memory only, no
/// compaction, ~5 MB / 100k batches kept per partition, no TLS, and neither idempotent de-duplication nor
/// read_committed are emulated — which is why correctness here rests on read/alert ids and signed hotlist manifests.
/// </summary>
public sealed class EmbeddedKafkaCluster : IDisposable
{
    private readonly Lock _gate = new();
    private IntPtr _host;
    private IntPtr _cluster;

    private EmbeddedKafkaCluster(IntPtr host, IntPtr cluster, int brokerCount)
    {
        _host = host;
        _cluster = cluster;
        BrokerCount = brokerCount;
        BootstrapServers = Marshal.PtrToStringUTF8(LibrdkafkaMock.ClusterBootstraps(cluster))
            ?? throw new InvalidOperationException("The mock cluster returned no bootstrap servers.");
    }

    /// <summary>Comma-separated host:port list to give clients as bootstrap.servers.</summary>
    public string BootstrapServers { get; }

    /// <summary>Brokers are numbered 1..BrokerCount.</summary>
    public int BrokerCount { get; }

    /// <summary>Starts a cluster with <paramref name="brokers"/> brokers; consumer group joins are immediate (no 3 s rebalance delay).</summary>
    public static EmbeddedKafkaCluster Start(int brokers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        LibrdkafkaMock.EnsureLoaded();
        var conf = LibrdkafkaMock.ConfNew();
        // The host handle only carries the mock cluster; silence its own logging of broker disconnects.
        _ = LibrdkafkaMock.ConfSet(conf, "log_level", "0", IntPtr.Zero, UIntPtr.Zero);
        var errorText = Marshal.AllocHGlobal(512);
        try
        {
            var host = LibrdkafkaMock.KafkaNew(LibrdkafkaMock.RdKafkaProducer, conf, errorText, 512);
            if (host == IntPtr.Zero)
            {
                throw new InvalidOperationException($"rd_kafka_new failed: {Marshal.PtrToStringUTF8(errorText)}");
            }
            var cluster = LibrdkafkaMock.ClusterNew(host, brokers);
            if (cluster == IntPtr.Zero)
            {
                LibrdkafkaMock.KafkaDestroy(host);
                throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
            }
            LibrdkafkaMock.GroupInitialRebalanceDelayMs(cluster, 0);
            return new EmbeddedKafkaCluster(host, cluster, brokers);
        }
        finally
        {
            Marshal.FreeHGlobal(errorText);
        }
    }

    /// <summary>Creates a topic (CreateTopics is not implemented by the mock; this is its own API). Idempotent.</summary>
    public void CreateTopic(string name, int partitions, int replicationFactor = 1)
    {
        var error = (ErrorCode)LibrdkafkaMock.TopicCreate(Handle, name, partitions, Math.Min(replicationFactor, BrokerCount));
        if (error is not ErrorCode.NoError and not ErrorCode.TopicAlreadyExists)
        {
            throw new KafkaException(error);
        }
    }

    /// <summary>Takes a broker off the network: its connections are closed and new ones refused.</summary>
    public void SetBrokerDown(int brokerId) => Check(LibrdkafkaMock.BrokerSetDown(Handle, brokerId));

    public void SetBrokerUp(int brokerId) => Check(LibrdkafkaMock.BrokerSetUp(Handle, brokerId));

    public void SetAllBrokersDown()
    {
        for (var id = 1; id <= BrokerCount; id++)
        {
            SetBrokerDown(id);
        }
    }

    public void SetAllBrokersUp()
    {
        for (var id = 1; id <= BrokerCount; id++)
        {
            SetBrokerUp(id);
        }
    }

    /// <summary>Adds round-trip latency to every response of a broker.</summary>
    public void SetRoundTripTime(int brokerId, int milliseconds) => Check(LibrdkafkaMock.BrokerSetRtt(Handle, brokerId, milliseconds));

    /// <summary>Moves a partition's leadership (taking a broker down does not).</summary>
    public void SetPartitionLeader(string topic, int partition, int brokerId) =>
        Check(LibrdkafkaMock.PartitionSetLeader(Handle, topic, partition, brokerId));

    /// <summary>The next requests of <paramref name="apiKey"/> fail with <paramref name="errors"/>, one per request, in order.</summary>
    public void PushRequestErrors(short apiKey, params ErrorCode[] errors)
    {
        var codes = Array.ConvertAll(errors, e => (int)e);
        LibrdkafkaMock.PushRequestErrorsArray(Handle, apiKey, (UIntPtr)codes.Length, codes);
    }

    public void ClearRequestErrors(short apiKey) => LibrdkafkaMock.ClearRequestErrors(Handle, apiKey);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != IntPtr.Zero)
            {
                LibrdkafkaMock.ClusterDestroy(_cluster);
                _cluster = IntPtr.Zero;
            }
            if (_host != IntPtr.Zero)
            {
                LibrdkafkaMock.KafkaDestroy(_host);
                _host = IntPtr.Zero;
            }
        }
    }

    private IntPtr Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
            return _cluster;
        }
    }

    private static void Check(int error)
    {
        if ((ErrorCode)error != ErrorCode.NoError)
        {
            throw new KafkaException((ErrorCode)error);
        }
    }
}
