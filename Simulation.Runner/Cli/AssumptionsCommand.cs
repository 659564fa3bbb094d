using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Runner.Services;
using IsdnSim.Scenario.Uncertainty;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>
/// Lists the figures a scenario labels ASSUMPTION in its comments, each with its value and the
/// range the uncertain section gives it, and says which assumptions have no range.
/// </summary>
public sealed class AssumptionsCommand(Consoles consoles) : Command<UncertainScenarioSettings>
{
    public override int Execute(CommandContext context, UncertainScenarioSettings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(settings.File, settings, consoles);
        if (scenario is null)
        {
            return ExitCodes.BadInput;
        }

        AssumptionsView.Render(consoles.Text, settings.File, AssumptionList.Of(scenario));
        return ExitCodes.Ok;
    }
}
