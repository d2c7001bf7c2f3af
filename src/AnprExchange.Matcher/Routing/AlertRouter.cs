using AnprExchange.Contracts.Records;

namespace AnprExchange.Matcher.Routing;

/// <summary>
/// Camera → region → control rooms, with covert matches only for cleared rooms. No web or Kafka dependencies:
/// the matcher calls <see cref="Route"/> for each hit and publishes one copy per room, keyed by the room.
/// Room lists are resolved once at construction, so routing a non-covert alert allocates nothing but the copies.
/// </summary>
public sealed class AlertRouter
{
    private readonly Dictionary<string, string[]> _roomsByCamera;
    private readonly string[] _defaultRooms;
    private readonly HashSet<string> _covertRooms;

    public AlertRouter(AlertRoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _covertRooms = new HashSet<string>(options.CovertRooms, StringComparer.Ordinal);
        _roomsByCamera = new Dictionary<string, string[]>(options.Cameras.Count, StringComparer.Ordinal);
        foreach (var (camera, region) in options.Cameras)
        {
            _roomsByCamera[camera] = RoomsOfRegion(options, region);
        }
        _defaultRooms = options.DefaultRegion is { } fallback ? RoomsOfRegion(options, fallback) : [];
        IsConfigured = options.Regions.Count > 0;
    }

    /// <summary>The control rooms that may see this alert: every room of the camera's region that may see at least one of its matches.</summary>
    public IReadOnlyList<string> RoomsFor(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var rooms = RegionRooms(alert.CameraId);
        if (!HasCovertMatch(alert) || rooms.Length == 0)
        {
            return rooms;
        }
        var allOvert = !HasOvertMatch(alert);
        return allOvert ? Array.FindAll(rooms, _covertRooms.Contains) : rooms;
    }

    /// <summary>
    /// One copy of the alert per room with <see cref="Alert.ControlRoom"/> set; rooms not cleared for covert entries get
    /// the copy without the covert matches (and none at all when every match is covert).
    /// </summary>
    public IReadOnlyList<Alert> Route(Alert alert)
    {
        var rooms = RoomsFor(alert);
        if (rooms.Count == 0)
        {
            return [];
        }
        var copies = new Alert[rooms.Count];
        IReadOnlyList<AlertMatch>? overtOnly = null;
        var covert = HasCovertMatch(alert);
        for (var i = 0; i < copies.Length; i++)
        {
            var room = rooms[i];
            if (covert && !_covertRooms.Contains(room))
            {
                overtOnly ??= alert.Matches.Where(m => !m.Covert).ToArray();
                copies[i] = alert with { ControlRoom = room, Matches = overtOnly };
            }
            else
            {
                copies[i] = alert with { ControlRoom = room };
            }
        }
        return copies;
    }

    /// <summary>False when no region is configured: the matcher then sends every alert to its default room.</summary>
    public bool IsConfigured { get; }

    /// <summary>True when the room is cleared to see covert matches.</summary>
    public bool MaySeeCovert(string room) => _covertRooms.Contains(room);

    private string[] RegionRooms(string cameraId) =>
        _roomsByCamera.TryGetValue(cameraId, out var rooms) ? rooms : _defaultRooms;

    private static string[] RoomsOfRegion(AlertRoutingOptions options, string region) =>
        options.Regions.TryGetValue(region, out var rooms) ? rooms.Distinct(StringComparer.Ordinal).ToArray() : [];

    private static bool HasCovertMatch(Alert alert)
    {
        foreach (var match in alert.Matches)
        {
            if (match.Covert)
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasOvertMatch(Alert alert)
    {
        foreach (var match in alert.Matches)
        {
            if (!match.Covert)
            {
                return true;
            }
        }
        return false;
    }
}
