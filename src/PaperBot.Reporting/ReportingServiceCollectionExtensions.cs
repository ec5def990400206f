using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Reporting.Access;

namespace PaperBot.Reporting;

public static class ReportingServiceCollectionExtensions
{
    /// <summary>
    /// The instructor's report: <see cref="ReportBuilder"/> over whichever <c>IQuestionLog</c> and <c>IFeedbackStore</c>
    /// the container has (a missing one leaves its part empty), and <see cref="ReportGrants"/> for the links to
    /// <c>/report</c>, with the <c>Report</c> settings validated at start. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddPaperBotReporting(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ReportBuilder)))
        {
            return services;
        }

        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportOptions>, ReportOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReportBuilder>();
        services.AddSingleton<ReportGrants>();
        return services;
    }
}
