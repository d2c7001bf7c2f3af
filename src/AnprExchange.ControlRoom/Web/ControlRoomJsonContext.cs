using System.Text.Json;
using System.Text.Json.Serialization;
using AnprExchange.ControlRoom.Acknowledgements;

namespace AnprExchange.ControlRoom.Web;

/// <summary>Source-generated JSON for the console API (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlertView))]
[JsonSerializable(typeof(AlertView[]))]
[JsonSerializable(typeof(AcknowledgeRequest))]
[JsonSerializable(typeof(AcknowledgedView))]
[JsonSerializable(typeof(OpenedRequest))]
[JsonSerializable(typeof(RemovedView))]
[JsonSerializable(typeof(RoomView))]
internal sealed partial class ControlRoomJsonContext : JsonSerializerContext;

/// <summary>Answer to a successful acknowledgement.</summary>
public sealed record AcknowledgedView(string AlertId, string ControlRoom, string Operator, string Outcome, DateTimeOffset AcknowledgedAt);

/// <summary>Body of <c>POST /api/alerts/{alertId}/opened</c>, sent when an operator opens the detail view (audited).</summary>
public sealed record OpenedRequest(string? Operator);

/// <summary>SSE "removed" event data.</summary>
public sealed record RemovedView(string AlertId);

/// <summary>GET /api/room: which room and country this console serves.</summary>
public sealed record RoomView(string Room, string Country);
