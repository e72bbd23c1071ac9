using System.Security.Cryptography;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Random, non-sequential situation codes such as <c>K7M-4QX</c>: six characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), drawn with the cryptographic RNG (31^6 ≈ 887 million codes). Uniqueness is enforced by the
/// database's unique index; the caller retries on a collision.
/// </summary>
public static class SituationCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int MaxLength = 16;

    public static string Next()
    {
        Span<char> code = stackalloc char[7];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = i == 3 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(code);
    }

    /// <summary>Normalises what a person typed (case, spaces, a missing dash); null when it cannot be a code.</summary>
    public static string? Normalise(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var chars = text.Trim().ToUpperInvariant().Where(c => c != '-' && !char.IsWhiteSpace(c)).ToArray();
        if (chars.Length != 6 || chars.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        return $"{new string(chars, 0, 3)}-{new string(chars, 3, 3)}";
    }
}
