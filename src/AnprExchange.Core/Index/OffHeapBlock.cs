using System.Runtime.InteropServices;

namespace AnprExchange.Core.Index;

/// <summary>
/// A block of native memory (64-byte aligned) holding the index's tables, rows and texts outside the GC heap, so a full
/// GC neither marks, sweeps nor copies gigabytes of hotlist: the heap keeps only the small objects that own blocks.
/// Lifetime follows the owner object: the finalizer frees the block once no generation refers to it (readers keep
/// their generation alive to the end of a lookup with <see cref="GC.KeepAlive"/>), <see cref="Dispose"/> frees a
/// writer-only block at once. Every block reports its size as memory pressure, so the runtime schedules the
/// collections that free dropped generations and indexes (it keeps those below ~20 % of the time).
/// </summary>
internal sealed unsafe class OffHeapBlock : IDisposable
{
    private byte* _pointer;

    public OffHeapBlock(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Length = Math.Max(bytes, 1);
        if (Length >= HugePage && OperatingSystem.IsLinux())
        {
            // Whole 2 MiB pages, advised huge: a 10M-entry index touches ~1.6 GB; 4 KiB pages would cost ~400k page
            // faults to fill it and a TLB miss on nearly every random probe.
            Length = (Length + HugePage - 1) & ~(HugePage - 1);
            _pointer = (byte*)NativeMemory.AlignedAlloc((nuint)Length, (nuint)HugePage);
            AdviseHugePages(_pointer, (nuint)Length);
        }
        else
        {
            _pointer = (byte*)NativeMemory.AlignedAlloc((nuint)Length, 64);
        }
        GC.AddMemoryPressure(Length);
    }

    private const long HugePage = 2 << 20;
    private const int MadviseHugePage = 14;

    private static bool s_adviceUnavailable;

    // Advice only: where transparent huge pages are off the kernel ignores it, and where madvise cannot be bound
    // (another C library) 4 KiB pages serve.
    private static void AdviseHugePages(void* address, nuint length)
    {
        if (s_adviceUnavailable)
        {
            return;
        }
        try
        {
            _ = Madvise(address, length, MadviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_adviceUnavailable = true;
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(void* address, nuint length, int advice);

    public long Length { get; }

    public byte* Pointer => _pointer;

    /// <summary>Zeroes the whole block (fresh blocks hold whatever the allocator left).</summary>
    public OffHeapBlock Zeroed()
    {
        NativeMemory.Clear(_pointer, (nuint)Length);
        return this;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    ~OffHeapBlock() => Free();

    private void Free()
    {
        var pointer = _pointer;
        if (pointer is null)
        {
            return;
        }
        _pointer = null;
        NativeMemory.AlignedFree(pointer);
        GC.RemoveMemoryPressure(Length);
    }
}
