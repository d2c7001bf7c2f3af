namespace AnprExchange.Core.Plates;

/// <summary>
/// Characters an ANPR camera confuses (design.md): 0=O=D=Q, 1=I, 2=Z, 5=S, 8=B, 6=G. Each of the 36 plate
/// characters belongs to one of 28 classes (a class of one for every other character) and has a member number
/// (0–3) inside its class. Two plates are OCR-equivalent when their class sequences (skeletons) are equal; every
/// position where the members differ counts as one substitution.
/// </summary>
public static class OcrClasses
{
    /// <summary>The default groups, first member first.</summary>
    public static readonly IReadOnlyList<string> DefaultGroups = ["0ODQ", "1I", "2Z", "5S", "8B", "6G"];

    /// <summary>Number of classes: a skeleton is a base-29 number of class codes 1–28.</summary>
    public const int ClassCount = 28;

    // Per ASCII byte: class code (1–28) in bits 0–4 and member number in bits 5–6; 0 for a byte that is no plate character.
    internal static readonly byte[] Codes = BuildCodes();

    // Per (class code * 4 + member): the ASCII character.
    internal static readonly byte[] Characters = BuildCharacters();

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> (upper-case plate characters) are the same or OCR-equivalent.</summary>
    public static bool AreEquivalent(char a, char b) =>
        a < 128 && b < 128 && Codes[a] != 0 && (Codes[a] & 0x1F) == (Codes[b] & 0x1F);

    private static byte[] BuildCodes()
    {
        var codes = new byte[128];
        byte next = 1;
        foreach (var c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        {
            if (codes[c] != 0)
            {
                continue;
            }
            var group = DefaultGroups.FirstOrDefault(g => g.Contains(c, StringComparison.Ordinal)) ?? c.ToString();
            for (var member = 0; member < group.Length; member++)
            {
                codes[group[member]] = (byte)(next | (member << 5));
            }
            next++;
        }
        return codes;
    }

    private static byte[] BuildCharacters()
    {
        var characters = new byte[(ClassCount + 1) * 4];
        for (var c = 0; c < 128; c++)
        {
            var code = Codes[c];
            if (code != 0)
            {
                characters[((code & 0x1F) * 4) + (code >> 5)] = (byte)c;
            }
        }
        return characters;
    }
}
