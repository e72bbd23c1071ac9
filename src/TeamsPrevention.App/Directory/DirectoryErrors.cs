namespace TeamsPrevention.App.Directory;

/// <summary>Collects every field error of an input at once, in the language of the person who sent it.</summary>
internal sealed class DirectoryErrors(DirectoryTexts texts)
{
    public DirectoryTexts Texts => texts;

    private readonly Dictionary<string, List<string>> _errors = [];

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public void Required<T>(T? value, string field)
        where T : struct
    {
        if (value is null)
        {
            Add(field, texts.Required);
        }
    }

    /// <summary>Trims; null when empty. Adds an error when required and missing, or too long.</summary>
    public string? Text(string? value, string field, int maxLength, bool required)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            Add(field, texts.Required);
        }
        else if (text is not null && text.Length > maxLength)
        {
            Add(field, texts.TooLong(maxLength));
        }

        return text;
    }

    public TEnum? Enum<TEnum>(string? value, string field, bool required)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, texts.Required);
            }

            return null;
        }

        if (System.Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        Add(field, texts.Expected(System.Enum.GetNames<TEnum>()));
        return null;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new DirectoryValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), texts.InvalidTitle);
        }
    }
}
