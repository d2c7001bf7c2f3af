namespace AnprExchange.Hotlists.Signing;

/// <summary>
/// The public keys a matcher accepts, per source country; several per country while a key is being rotated.
/// A key is trusted only for the country it is listed under, so Belgium's key cannot sign the Dutch lists.
/// Directory layout for <see cref="LoadDirectory"/>: one sub-folder per country code, each holding *.pem public keys
/// (e.g. trust/NL/3f2a….public.pem).
/// </summary>
public sealed class HotlistTrustStore : IDisposable
{
    private readonly Dictionary<string, Dictionary<string, HotlistPublicKey>> _keys = new(StringComparer.Ordinal);

    public IEnumerable<string> Countries => _keys.Keys;

    public void Add(string country, HotlistPublicKey key)
    {
        if (!HotlistNames.IsCountryCode(country))
        {
            throw new ArgumentException($"'{country}' is not an ISO 3166 alpha-2 country code in upper case.", nameof(country));
        }
        if (!_keys.TryGetValue(country, out var byId))
        {
            _keys[country] = byId = new Dictionary<string, HotlistPublicKey>(StringComparer.Ordinal);
        }
        if (!byId.TryAdd(key.KeyId, key))
        {
            throw new ArgumentException($"Key id '{key.KeyId}' is already trusted for {country}.", nameof(key));
        }
    }

    public void AddPem(string country, string pemText) => Add(country, HotlistPublicKey.FromPem(pemText));

    public bool TryGet(string country, string keyId, out HotlistPublicKey key)
    {
        key = null!;
        return _keys.TryGetValue(country, out var byId) && byId.TryGetValue(keyId, out key!);
    }

    public IReadOnlyCollection<string> KeyIds(string country) =>
        _keys.TryGetValue(country, out var byId) ? byId.Keys : [];

    /// <summary>Loads the keys of <see cref="HotlistTrustOptions"/>: the directory, then the listed keys (paths or PEM text).</summary>
    public static HotlistTrustStore Load(HotlistTrustOptions options)
    {
        var store = options.Directory is { Length: > 0 } directory ? LoadDirectory(directory) : new HotlistTrustStore();
        try
        {
            foreach (var (country, keys) in options.Keys)
            {
                foreach (var key in keys)
                {
                    var isPemText = key.Contains("-----BEGIN", StringComparison.Ordinal);
                    store.Add(country, isPemText ? HotlistPublicKey.FromPem(key) : HotlistPublicKey.FromFile(key));
                }
            }
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public static HotlistTrustStore LoadDirectory(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Trust store folder '{root}' does not exist.");
        }
        var store = new HotlistTrustStore();
        try
        {
            foreach (var countryDir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
            {
                var country = Path.GetFileName(countryDir);
                if (!HotlistNames.IsCountryCode(country))
                {
                    throw new InvalidDataException($"Trust store folder '{countryDir}' is not named after a country code (e.g. NL).");
                }
                foreach (var file in Directory.EnumerateFiles(countryDir, "*.pem").Order(StringComparer.Ordinal))
                {
                    store.Add(country, HotlistPublicKey.FromFile(file));
                }
            }
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values.SelectMany(byId => byId.Values))
        {
            key.Dispose();
        }
        _keys.Clear();
    }
}
