using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace PaperBot.Channels.Slack.Processing;

/// <summary>
/// Accepted work waiting for <see cref="SlackWorker"/>. Bounded: when it is full the request is refused at once
/// (Slack hears "busy") rather than accepted and silently lost.
/// </summary>
internal sealed class SlackWorkQueue(IOptions<SlackOptions> options)
{
    private readonly Channel<SlackWork> _channel = Channel.CreateBounded<SlackWork>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = false });

    public bool TryEnqueue(SlackWork work) => _channel.Writer.TryWrite(work);

    public ChannelReader<SlackWork> Reader => _channel.Reader;

    public int Pending => _channel.Reader.Count;
}
