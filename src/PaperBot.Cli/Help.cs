namespace PaperBot.Cli;

internal static class Help
{
    public static int Print()
    {
        Console.WriteLine("""
            PaperBot: answers questions about the paper in knowledge/, citing its own words.

              paperbot index                                  build or refresh the index and the embedding cache,
                                                          showing readings and texts done and the rate
              paperbot search "question" [--top N] [--json]   the best passages for a question
              paperbot search --json [--top N] < questions    one JSON object per line of input
              paperbot ask "question" [--json]                an answer with citations
                       [--reading <id>]…                      from those readings only (ids as 'sources' lists them)
              paperbot ask --json [--thread] < questions      one answer per line of input; --thread makes the lines
                                                          one conversation, so a line may follow up the last
              paperbot sections [--json] [--paragraphs]       the outline with section ids
              paperbot summary [section id] [--json]          3–5 central sentences of a section, or the paper's claim per part
              paperbot timeline [--json]                      the dated events the paper reports, in order
              paperbot glossary [--json]                      the acronyms the paper expands
              paperbot define <term> [--json]                 one acronym's expansion, cited
              paperbot quiz [section id] [--reveal] [--json]  a question from one sentence; --reveal shows the answer
              paperbot sources [--json]                       the readings loaded from knowledge/: title, id,
                                                          sections, when indexed
              paperbot report [--since 7d|24h|2026-11-01] [--json] [--html FILE]
                                                          the instructor's report: questions per day, sections,
                                                          declines by reason, answers rated 👎, follow-ups
              paperbot eval [--gold FILE] [--verbose]         retrieval, answer and follow-up quality on the gold set
              paperbot bench [--readings N|FOLDER]            speed and memory figures; with --readings, the same
                                                          figures for a course of N readings beside one reading
              paperbot forget --user <platform id>            delete one user's questions and votes from the store

            Settings come from appsettings.json and environment variables (Section__Key).
            Exit codes: 0 answered, 1 declined (the reply says why), 2 bad usage, 3 could not run (nothing to read,
            the store unreachable, a bad setting).
            """);
        return 0;
    }
}
