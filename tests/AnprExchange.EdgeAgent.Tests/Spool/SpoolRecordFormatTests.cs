using System.Buffers.Binary;
using AnprExchange.EdgeAgent.Spool;
using CsCheck;

namespace AnprExchange.EdgeAgent.Tests.Spool;

public sealed class SpoolRecordFormatTests
{
    [Fact]
    public void Crc32CGivesTheCastagnoliCheckValue() =>
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));

    [Fact]
    public void TheRecordChecksumIsCrc32COverLengthSequenceAndPayloadBytes()
    {
        Gen.Select(Gen.Byte.Array[1, 300], Gen.Long[0, long.MaxValue]).Sample((payload, sequence) =>
        {
            var record = new byte[SpoolRecordFormat.HeaderLength + payload.Length];
            payload.CopyTo(record, SpoolRecordFormat.HeaderLength);
            SpoolRecordFormat.WriteHeader(record, sequence, payload);

            // The on-disk contract, computed byte by byte: existing spools must keep reading back.
            var covered = new byte[12 + payload.Length];
            BinaryPrimitives.WriteUInt32LittleEndian(covered, (uint)payload.Length);
            BinaryPrimitives.WriteInt64LittleEndian(covered.AsSpan(4), sequence);
            payload.CopyTo(covered, 12);
            Assert.Equal(Crc32C.Compute(covered), BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(4)));
            Assert.True(SpoolRecordFormat.IsIntact(record.AsSpan(0, SpoolRecordFormat.HeaderLength), payload));
        }, iter: 2_000);
    }

    [Fact]
    public void SealingRecordsTogetherGivesEachTheChecksumItHasAlone()
    {
        Gen.Select(Gen.Byte.Array[1, 200].Array[0, 11], Gen.Long[0, 1L << 40]).Sample((payloads, firstSequence) =>
        {
            var records = new List<byte>();
            var expected = new List<byte>();
            for (var i = 0; i < payloads.Length; i++)
            {
                var record = new byte[SpoolRecordFormat.HeaderLength + payloads[i].Length];
                payloads[i].CopyTo(record, SpoolRecordFormat.HeaderLength);
                SpoolRecordFormat.WriteUnsealedHeader(record, firstSequence + i, payloads[i].Length);
                records.AddRange(record);
                SpoolRecordFormat.WriteHeader(record, firstSequence + i, payloads[i]);
                expected.AddRange(record);
            }
            var sealedTogether = records.ToArray();
            SpoolRecordFormat.SealAll(sealedTogether);
            Assert.Equal(expected.ToArray(), sealedTogether);
        }, iter: 1_000);
    }
}
