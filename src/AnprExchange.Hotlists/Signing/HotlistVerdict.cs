namespace AnprExchange.Hotlists.Signing;

/// <summary>Whether a batch may be applied; anything but <see cref="Accepted"/> leaves the previous version in force.</summary>
public enum HotlistVerdict
{
    Accepted,
    /// <summary>No signature or no signer key id.</summary>
    MissingSignature,
    /// <summary>The signature does not verify with the named key.</summary>
    BadSignature,
    /// <summary>The entries received are not the ones signed (changed, or not of this batch's country and list).</summary>
    DigestMismatch,
    /// <summary>The signer key id is not trusted for the manifest's country.</summary>
    UnknownKey,
    /// <summary>The version is not above the one in force (a replay or an out-of-order push).</summary>
    StaleVersion,
    /// <summary>The entries received do not number 0..EntryCount-1 exactly once each.</summary>
    EntryCountMismatch,
}
