namespace PaperBot.Knowledge.Retrieval;

/// <summary>The rules every question passes before anything is searched: not empty, not too long, no junk.</summary>
public static class QuestionInput
{
    public const int MaxLength = 1000;

    /// <summary>Returns a one-line reason the question cannot be used, or null when it is fine.</summary>
    public static string? Validate(string? question)
    {
        if (question is null || question.Trim().Length == 0)
        {
            return "The question is empty. Ask something about the paper, for example: What is the North-South Gas Pipeline?";
        }

        if (question.Length > MaxLength)
        {
            return $"The question is {question.Length:N0} characters long; the limit is {MaxLength:N0}. Ask one short question at a time.";
        }

        var control = question.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        var replacement = question.Count(c => c == '\uFFFD');
        if (control > 0 || replacement > 0 || question.Any(char.IsSurrogate) && !HasValidSurrogates(question))
        {
            return "The question contains control characters or binary data. Send plain text.";
        }

        return null;
    }

    private static bool HasValidSurrogates(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
