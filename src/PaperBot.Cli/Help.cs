namespace PaperBot.Cli;

internal static class Help
{
    public static int Print()
    {
        Console.WriteLine("""
            PaperBot: answers questions about the paper in knowledge/, citing its own words.

              paperbot search "question" [--top N] [--json]   the best passages for a question
              paperbot search --json [--top N] < questions    one JSON object per line of input
              paperbot eval [--gold FILE]                     retrieval quality on the gold set
              paperbot bench                                  speed and memory figures

            Settings come from appsettings.json and environment variables (Section__Key).
            """);
        return 0;
    }
}
