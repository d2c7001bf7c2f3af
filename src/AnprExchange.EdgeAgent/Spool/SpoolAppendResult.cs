namespace AnprExchange.EdgeAgent.Spool;

public enum SpoolAppendResult
{
    Appended,
    /// <summary>The disk bound is reached; the read was not taken and the camera keeps it.</summary>
    Full,
}
