using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace PaperBot.Generation;

/// <summary>
/// The Semantic Kernel chat-completion service for the configured provider, over an HTTP client this class owns.
/// The SDK's own retries are off: a slow or failing model must hand over to the extractive answer within
/// <c>Llm:TimeoutSeconds</c>, not retry past it.
/// </summary>
public sealed class LlmClient : IDisposable
{
    /// <summary>Sent when the server needs no key (Ollama, vLLM, LM Studio); the SDK will not send an empty one.</summary>
    private const string NoKey = "no-key";

    private readonly HttpClient _http;

    private LlmClient(IChatCompletionService chat, HttpClient http)
    {
        Chat = chat;
        _http = http;
    }

    public IChatCompletionService Chat { get; }

    public static LlmClient Create(LlmOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The generator cancels at Llm:TimeoutSeconds; these limits only catch a connection that ignores cancellation.
        var backstop = options.Timeout + TimeSpan.FromSeconds(5);
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = backstop };
        try
        {
            var transport = new HttpClientPipelineTransport(http);
            var noRetries = new ClientRetryPolicy(maxRetries: 0);
            var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey.Trim());
            var endpoint = options.ResolveEndpoint();
            IChatCompletionService chat;
            if (string.Equals(options.Provider.Trim(), LlmProviders.AzureOpenAI, StringComparison.OrdinalIgnoreCase))
            {
                var azure = new AzureOpenAIClient(
                    endpoint ?? throw new InvalidOperationException("Llm:Endpoint is required for azure-openai."),
                    key,
                    new AzureOpenAIClientOptions { Transport = transport, RetryPolicy = noRetries, NetworkTimeout = backstop });
                chat = new AzureOpenAIChatCompletionService(options.Model, azure, modelId: null, loggerFactory);
            }
            else
            {
                var clientOptions = new OpenAIClientOptions { Transport = transport, RetryPolicy = noRetries, NetworkTimeout = backstop };
                if (endpoint is not null)
                {
                    clientOptions.Endpoint = endpoint;
                }

                chat = new OpenAIChatCompletionService(options.Model, new OpenAIClient(key, clientOptions), loggerFactory);
            }

            return new LlmClient(chat, http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();
}
