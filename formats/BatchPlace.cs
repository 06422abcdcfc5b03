using System.Globalization;
using System.Text.RegularExpressions;

namespace FilmGraph.Formats;

/// <summary>Reads a store problem's place ("relationships[3].from") back into list, index and property.</summary>
internal static partial class BatchPlace
{
    public static bool TryParse(string place, out string list, out int index, out string property)
    {
        var match = Pattern().Match(place);
        list = match.Groups[1].Value;
        index = match.Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : -1;
        property = match.Groups[3].Value;
        return match.Success;
    }

    /// <summary>A store message made to follow a place: "Missing value." stays, "'x' is no person" stays, "Billing ..." is lowered.</summary>
    public static string Sentence(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;

    [GeneratedRegex(@"^(people|films|relationships)\[(\d+)\](?:\.(.*))?$")]
    private static partial Regex Pattern();
}
