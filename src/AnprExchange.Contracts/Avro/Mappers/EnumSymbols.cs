namespace AnprExchange.Contracts.Avro.Mappers;

/// <summary>
/// Number of values of a C# enum, which are the symbol indexes of the Avro enum of the same name (append only;
/// the tests check names and order against the schemas).
/// </summary>
internal static class EnumSymbols<TEnum>
    where TEnum : struct, Enum
{
    public static readonly int Count = Enum.GetValues<TEnum>().Length;
}
