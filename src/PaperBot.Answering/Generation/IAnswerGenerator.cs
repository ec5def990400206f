using PaperBot.Knowledge.Retrieval;

namespace PaperBot.Answering.Generation;

/// <summary>The passages a language model may use for one question, after every guardrail has passed.</summary>
public sealed record GenerationRequest(string Question, IReadOnlyList<SearchHit> Passages, float[] QueryVector, KnowledgeBase Knowledge);

/// <summary>
/// Fluent answers from a language model (generative mode). The answer service calls it only for questions that
/// passed every guardrail, with the retrieved passages. It returns a checked answer (<c>answered</c> with
/// <c>mode: generative</c>, or <c>not_in_paper</c> when the model says the passages do not contain the answer),
/// or null when the model failed, timed out or said nothing usable: the service then answers extractively.
/// </summary>
public interface IAnswerGenerator
{
    Task<Answer?> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken);
}
