using System.Runtime.InteropServices;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// fsync of a directory, so that a file just created in it survives a power loss (on Linux an fsync of the file
/// alone does not persist its directory entry). .NET cannot open a directory for flushing, hence libc. Elsewhere
/// (Windows' NTFS journals metadata itself) it does nothing.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000; // O_CLOEXEC

    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var fd = Open(directory, ReadOnly | CloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"Cannot open spool directory {directory} to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }
        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of spool directory {directory} failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
