namespace AnprExchange.Core.Hotlists;

/// <summary>Why a vehicle is on a list (design.md, hotlist CSV `category`). Values are part of the Avro contract: append only.</summary>
public enum HotlistCategory : byte
{
    StolenVehicle,
    StolenPlate,
    WantedPerson,
    MissingPerson,
    SisDiscreetCheck,
    SisInquiryCheck,
    SisSpecificCheck,
    SisSeizure,
    Other,
}
