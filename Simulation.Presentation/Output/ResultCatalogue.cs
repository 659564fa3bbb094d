namespace IsdnSim.Presentation.Output;

/// <summary>
/// The one description of every result folder, file and column: what README.txt and
/// datapackage.json say in each folder (<see cref="ResultGuide"/>), and what docs/result-files.md
/// says (generated from it; a test keeps the two equal). A column is described once here and
/// named by its header in each file that has it; a test checks that every column a command
/// writes is described.
/// </summary>
public static class ResultCatalogue
{
    public const string Readme = "README.txt";
    public const string DataPackage = "datapackage.json";

    /// <summary>How numbers, dates and missing values are written in every CSV file (also in README.txt).</summary>
    public static readonly string Conventions =
        "CSV files: UTF-8 without a byte-order mark, comma-separated, RFC 4180 quoting, a header row, '\\n' line ends. " +
        "Numbers use '.' as the decimal point and no thousands separator; a fractional number is written with at most " +
        $"{Csv.SignificantDigits} significant digits (the shortest text that gives the value rounded to {Csv.SignificantDigits} digits, " +
        "so 6.000000000000001 is written 6), the same on every machine and engine. An empty field is a value that is " +
        "undefined or was not measured (a lead time with nothing finished, an interval from one replication). Dates are " +
        "YYYY-MM-DD; a day number counts calendar days of simulated time from the scenario's start (day 0). Shares are " +
        "fractions from 0 to 1, not percentages.";

    private static readonly Dictionary<string, ResultColumn> Shared = new ResultColumn[]
    {
        new("replication", "integer", null, "The replication, counted from 0; replication r uses the same random numbers in every variant and on every engine."),
        new("agent", "string", null, "The id of the agent (organisation) in the scenario file."),
        new("agency", "string", null, "The id of the agency (office, authority, council) within its agent."),
        new("kind", "string", null, "'staffed' (an office with posts) or 'council' (a body that decides in sessions)."),
        new("cell", "string", null, "The cell of the experiment: a variant (compare), a point p0, p1, ... (sweep), or a point and a variant, p0.status-quo (sweep --variants)."),
        new("variant", "string", null, "The id of the reform variant in the scenario file."),
        new("baseline", "string", null, "The id of the variant the difference is taken to."),
        new("metric", "string", null, "The key of the headline metric (comparison.csv names its label and unit); 'lead_time_mean:<process>' is one process's."),
        new("point", "string", null, "The design point, p0, p1, ..."),
        new("<path>", "string", null, "The value the point sets at this path of the scenario file (the column's name), as written in the file, unit included."),
        new("u:<path>", "number", null, "The point's coordinate in the unit hypercube [0, 1] for the parameter at this path (before its distribution maps it to a value)."),
        new("replications", "integer", null, "Replications the figure is computed over."),
        new("mean", "number", "the metric's unit", "The mean over the replications; empty if no replication could measure it."),
        new("ci95_low", "number", "as mean", "Lower bound of the 95 % confidence interval of the mean (Student t); empty with fewer than two values. Not clipped: it can be below zero for a small non-negative figure."),
        new("ci95_high", "number", "as mean", "Upper bound of the 95 % confidence interval of the mean; empty with fewer than two values."),
        new("difference_low", "number", "as the difference", "Lower bound of the interval of the paired difference (its confidence level in difference_level)."),
        new("difference_high", "number", "as the difference", "Upper bound of the interval of the paired difference."),
        new("difference_level", "number", "share", "Confidence level of the difference's interval: 0.95, or Bonferroni-adjusted with more than two variants (1 - 0.05 / number of comparisons)."),
        new("significant", "boolean", null, "Whether the difference's interval excludes zero; empty where there is no interval."),
        new("unpaired_half_width", "number", "as the difference", "Half-width the interval would have without common random numbers (variants compared as independent samples), to show what pairing gains."),
        new("replications_with_value", "integer", null, "Of the replications, those in which the metric could be measured (a lead time needs a finished project); the mean is over these. Fewer than replications: the mean leaves out the replications where nothing finished, which are the slow ones."),
        new("difference_replications", "integer", null, "Replications the paired difference is taken over: those in which both the variant and the baseline have a value."),
        new("same_replications_as_means", "boolean", null, "Whether those are exactly the replications of both means beside it; false: the difference is not the difference of the two means (see baseline_mean_on_pairs and variant_mean_on_pairs)."),
        new("baseline_mean_on_pairs", "number", "the metric's unit", "The baseline's mean over the replications of the difference."),
        new("variant_mean_on_pairs", "number", "the metric's unit", "The variant's mean over the replications of the difference; minus baseline_mean_on_pairs it gives the difference."),
        new("process", "string", null, "The id of the process in the scenario file."),
        new("utilisation", "number", "share", "Busy staff time over the posts' working time (for a council: the share of agenda places used)."),
        new("waiting_caused_days", "number", "project-days", "Days that projects' work items waited in this agency's queue, summed over the items (including those still waiting at the horizon)."),
        new("staff", "integer", "posts", "Posts of the agency (0 for a council)."),
        new("line", "integer", null, "The observation's line in the observed-data file."),
        new("region", "string", null, "As in the observed-data file: the agent whose projects count, or empty for the whole scenario."),
        new("statistic", "string", null, "As in the observed-data file: mean, median, p<N> (a percentile), share_finished_within:<duration> or share_finished_by:<date>."),
        new("unit", "string", null, "The unit of the numbers in this row."),
        new("observed", "number", "the row's unit", "The observed value, as in the observed-data file."),
        new("source", "string", null, "Where the observation comes from, as in the observed-data file."),
        new("value", "number", "the metric's unit", "The metric's value in this replication or point; empty if it could not be measured."),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static readonly ResultFile ReadmeFile = new(Readme, "This description of the folder's files and columns, in words.", []);

    private static readonly ResultFile DataPackageFile = new(DataPackage,
        "The same description as a Frictionless Data package (https://specs.frictionlessdata.io/data-package/): each file a resource, each CSV file's columns a table schema with name, type, unit and description, so tools such as frictionless validate or pandas can read the folder.", []);

    private static readonly ResultFile PlanFile = new("experiment.json",
        "The plan: scenario file and hash, variants, baseline or points, seed, horizon, warm-up, replications, precision; ends with a checksum. --resume reads it; an edited plan is refused.", []);

    private static readonly ResultFile ScenarioCopy = new("scenario.yaml", "The scenario text as run; --resume uses it, not the original file, which may have changed since.", []);

    private static readonly ResultFile Replications = new("replications/",
        "One JSON file per finished replication (replications/<cell>/<n>.json): the headline values, lead-time percentiles, agencies, deadlines and stability of that replication, what it is a replication of, and a checksum. --resume computes only what is missing.", []);

    private static readonly ResultFile Report = new("report.html", "The report for a reader: self-contained HTML (open it in a browser, print it), with what the figures mean.", []);

    private static readonly ResultFile Figures = new("figures/", "Every chart of the report as an SVG file of its own.", []);

    private static readonly ResultFile ExperimentManifest = new("manifest.json",
        "How this folder was made: program, version and git commit, the command, when; the scenario file and its SHA-256, seed and replications; engine, silos and wall time of the last run (the one file that differs between engines and runs); then the plan and the variants' definitions.", []);

    /// <summary>Every result folder, in the order the docs list them.</summary>
    public static IReadOnlyList<ResultFolder> Folders { get; } =
    [
        new("run", "A run's result folder (isdnsim run)",
            "One scenario and variant over several replications. All files but manifest.json depend only on scenario, variant, seed and replications. Written atomically.",
        [
            ReadmeFile,
            DataPackageFile,
            new("summary.json", "The figures over the replications, each an object {mean, ci95_low, ci95_high, half_width, n} (Student t): per process and for all projects arrivals, finished, unfinished, throughput, work in progress, lead time and where it went; stability (with the number of unstable agencies and the first ten); the top ten of each bottleneck ranking and the top five of each year's; hand-offs between levels; democratic quality; deadlines; costs. Per agency nothing beyond those lists: every agency's figures are in agencies_summary.csv. docs/model.md defines each figure.", []),
            new("projects.csv", "One row per project finished after the warm-up, and replication. The seven parts from wait_days to period_days add up to the lead time.",
            [
                S("replication"),
                new("project", "string", null, "The project's name: municipality/process/number."),
                S("process"),
                new("municipality", "string", null, "The agent that started the project (a municipality, city or other owner)."),
                new("arrival_day", "number", "days", "When the project arrived, in days from the start."),
                new("finish_day", "number", "days", "When it was finished, in days from the start."),
                new("lead_time_days", "number", "days", "finish_day - arrival_day: calendar days from arrival to finish."),
                new("arrival_date", "date", null, "The calendar date of arrival."),
                new("finish_date", "date", null, "The calendar date of the finish."),
                new("wait_days", "number", "days", "Of the lead time on the critical chain: waiting in queues."),
                new("service_days", "number", "days", "Of the lead time on the critical chain: being worked on."),
                new("council_days", "number", "days", "Of the lead time on the critical chain: waiting for and in council sessions and meetings."),
                new("handoff_days", "number", "days", "Of the lead time on the critical chain: files in transit between organisations or offices."),
                new("rework_days", "number", "days", "Of the lead time on the critical chain: returns for rework."),
                new("window_days", "number", "days", "Of the lead time on the critical chain: waiting for an application window (funding round) to open."),
                new("period_days", "number", "days", "Of the lead time on the critical chain: legal periods (public display, objections)."),
                new("critical_chain_handoffs", "integer", "hand-offs", "Hand-offs between organisations on the critical chain."),
                new("critical_chain_reworks", "integer", "returns", "Returns for rework on the critical chain."),
                new("determining_step", "string", null, "The step that was longest on the critical chain; empty if none."),
                new("determining_agent", "string", null, "The agent that held that step."),
                new("determining_agency", "string", null, "Its agency."),
                new("shock", "string", null, "The shock (a law) that obliged this project; empty if none."),
                new("deadline_date", "date", null, "The last day of the law's deadline for this project; empty without a shock."),
                new("on_time", "boolean", null, "Whether it was finished by the end of its deadline day; empty without a shock."),
            ]),
            new("agencies.csv", "One row per agency and replication. A file dropped unworked because a legal fiction decided its step counts among items_done.",
            [
                S("replication"), S("agent"), S("agency"), S("kind"), S("staff"), S("utilisation"),
                new("present_share", "number", "share", "The share of the posts' working time with the holder present (not ill, on leave, or the post vacant); empty for a council."),
                new("utilisation_of_present", "number", "share", "Busy time over the working time of the staff present; empty for a council."),
                new("mean_queue_length", "number", "items", "Work items waiting, time-averaged over the horizon."),
                new("mean_wait_days", "number", "days", "Mean wait of the items that started service (for a council: the wait for a session)."),
                new("items_arrived", "integer", "items", "Work items that arrived."),
                new("items_started", "integer", "items", "Work items whose service started."),
                new("items_done", "integer", "items", "Work items done."),
                S("waiting_caused_days"),
                new("in_queue_at_end", "integer", "items", "Items still waiting at the horizon."),
                new("in_service_at_end", "integer", "items", "Items being worked on at the horizon."),
                new("fictions", "integer", "steps", "Steps of its roles done by law (a legal fiction) because it had not finished them in time."),
            ]),
            new("agencies_by_year.csv", "One row per replication, simulated year and agency: how bottlenecks move over the years.",
            [
                S("replication"),
                new("year", "integer", null, "The simulated year, counted from 1."),
                new("year_start", "date", null, "The date the simulated year begins."),
                S("agent"), S("agency"), S("kind"),
                new("utilisation", "number", "share", "Utilisation in that year."),
                new("waiting_caused_days", "number", "project-days", "Queue time caused in that year."),
            ]),
            new("agencies_summary.csv", "One row per agency, in the scenario's order: its figures over the replications, each with its 95 % interval (Student t), and its places in the bottleneck rankings of which summary.json lists the top.",
            [
                S("agent"), S("agency"),
                new("name", "string", null, "The agency's name."),
                new("organisation", "string", null, "The name of the agent it belongs to."),
                S("kind"), S("staff"), S("replications"),
                .. Estimated("utilisation", "utilisation", "share", "Mean utilisation over the replications (see agencies.csv)."),
                .. Estimated("present_share", "present_share", "share", "Mean share of the posts' working time with the holder present; empty for a council."),
                .. Estimated("utilisation_of_present", "utilisation_of_present", "share", "Mean busy time over the working time of the staff present; empty for a council."),
                .. Estimated("mean_queue_length", "mean_queue_length", "items", "Mean of the time-averaged queue length."),
                .. Estimated("mean_wait_days", "mean_wait", "days", "Mean of the mean wait of the items that started service."),
                .. Estimated("items_done", "items_done", "items", "Mean work items done."),
                .. Estimated("waiting_caused_days", "waiting_caused", "project-days", "Mean queue time caused (see agencies.csv)."),
                .. Estimated("critical_path_share", "critical_path_share", "share", "Mean share of finished projects whose longest critical-chain step was this agency's; empty if nothing finished."),
                .. Estimated("fictions", "fictions", "steps", "Mean steps of its roles done by law (a legal fiction ran out)."),
                new("saturated_replications", "integer", "replications", "In how many replications it was saturated (busy at least 98 % of the present staff's time with work waiting at the horizon)."),
                new("growing_replications", "integer", "replications", "In how many replications its work in progress grew beyond what a stable queue explains."),
                new("rank_by_utilisation", "integer", null, "Its place among the agencies with staff by utilisation, busiest first (1 = the top of summary.json's by_utilisation); empty for a council."),
                new("rank_by_waiting_caused", "integer", null, "Its place among all agencies by the queue time caused, most first."),
                new("rank_by_critical_path_share", "integer", null, "Its place among the agencies with a critical-path share above zero, largest first; empty with none."),
            ]),
            new("costs.csv", "Only for a scenario with costs: one row per replication and cost line (an agency's posts, or a further cost item), in euros a year.",
            [
                S("replication"), S("agent"),
                new("level", "string", null, "The agent's level: municipal, city, district, state, or the level of a company or operator."),
                new("budget", "string", null, "'administration' (the public budget) or 'companies' (companies and operators)."),
                new("item", "string", null, "The agency's id, or the cost item's."),
                new("kind", "string", null, "'agency' (its posts) or 'cost item'."),
                new("pay_group", "string", null, "The pay group its posts are paid in (e.g. EG 9b, A 11); empty for a cost item without posts."),
                S("staff"),
                new("posts", "number", "posts", "Posts paid (fractions for a cost item's share of a post)."),
                new("staff_cost_eur", "number", "EUR per year", "Pay, employer contributions included."),
                new("overhead_eur", "number", "EUR per year", "Overhead on the staff cost (KGSt rate of the scenario)."),
                new("workplace_eur", "number", "EUR per year", "Workplace cost of the posts."),
                new("other_eur", "number", "EUR per year", "A cost item's amount."),
                new("total_eur", "number", "EUR per year", "The sum of the four."),
            ]),
            new("manifest.json",
                "How this folder was made: program, version and git commit, the command, when; the scenario file and its SHA-256, variant, seed, replications, horizon, warm-up; engine, silos, events, windows and wall time (the one file that differs between engines and runs); the command that gives the same files again.", []),
        ]),
        new("compare", "A comparison's folder (isdnsim compare)",
            "Every variant for the same replications, with paired differences to the baseline. All files but manifest.json depend only on the plan and the scenario: an interrupted and resumed comparison ends with the same files.",
        [
            ReadmeFile, DataPackageFile, PlanFile, ScenarioCopy, Replications,
            new("comparison.csv", "One row per metric and variant: the estimate over the replications and, for every variant but the baseline, the paired difference to the baseline.",
            [
                S("metric"),
                new("label", "string", null, "What the metric is, in words."),
                new("unit", "string", null, "The unit of mean, its interval and the difference."),
                S("variant"), S("replications"), S("replications_with_value"), S("mean"), S("ci95_low"), S("ci95_high"),
                new("difference_to_baseline", "number", "the metric's unit", "Mean of the paired differences variant - baseline over the replications both measured; empty for the baseline."),
                S("difference_low"), S("difference_high"), S("difference_level"), S("significant"), S("unpaired_half_width"),
                S("difference_replications"), S("same_replications_as_means"), S("baseline_mean_on_pairs"), S("variant_mean_on_pairs"),
            ]),
            new("frontier.csv", "Only for a scenario with costs: per variant its cost and lead time, and whether another variant is both cheaper and faster.",
            [
                S("variant"),
                new("cost_per_year_eur", "number", "EUR per year", "Mean cost per year of the administration (public budget)."),
                new("lead_time_mean_days", "number", "days", "Mean lead time."),
                new("on_frontier", "boolean", null, "Whether no other variant is as cheap and as fast and better in one of the two."),
                new("dominated_by", "string", null, "The variants that dominate it, separated by spaces."),
            ]),
            new("replications.csv", "Tidy: one row per variant, replication and metric, the shape R's tidyverse and pandas load directly.",
                [S("variant"), S("replication"), S("metric"), S("value")]),
            .. CellFiles,
            Report, Figures, ExperimentManifest,
        ]),
        new("sweep", "A sweep's folder (isdnsim sweep)",
            "Values of the scenario set over a grid, every point for the same replications (with --variants, every variant at every point). All files but manifest.json depend only on the plan and the scenario.",
        [
            ReadmeFile, DataPackageFile, PlanFile, ScenarioCopy, Replications,
            new("points.csv", "One row per point (with --variants: per point and variant) and metric: the estimate over the point's replications.",
                [S("point"), S("<path>"), S("variant"), S("metric"), S("replications"), S("replications_with_value"), S("mean"), S("ci95_low"), S("ci95_high")]),
            new("runs.csv", "Tidy: one row per point (and variant), replication and metric.",
                [S("point"), S("<path>"), S("variant"), S("replication"), S("metric"), S("value")]),
            new("differences.csv", "Only with --variants: per point, metric and variant other than the baseline, the paired difference to the baseline at that point, as comparison.csv has it.",
            [
                S("point"), S("<path>"), S("metric"), S("variant"), S("baseline"), S("replications"),
                new("difference", "number", "the metric's unit", "Mean of the paired differences variant - baseline at this point."),
                S("difference_low"), S("difference_high"), S("difference_level"), S("significant"), S("unpaired_half_width"),
                S("difference_replications"), S("same_replications_as_means"), S("baseline_mean_on_pairs"), S("variant_mean_on_pairs"),
            ]),
            .. CellFiles,
            Report, Figures, ExperimentManifest,
        ]),
        new("sensitivity", "A sensitivity design's folder (isdnsim sensitivity)",
            "The uncertain parameters varied together (Sobol' or Morris design), every variant at every point with common random numbers: which parameters each output depends on, and how often a variant beats the baseline. All files but manifest.json depend only on the plan and the scenario.",
        [
            ReadmeFile, DataPackageFile, PlanFile, ScenarioCopy, Replications,
            new("design.csv", "One row per design point: its place in the unit hypercube and the values it sets.", [S("point"), S("u:<path>"), S("<path>")]),
            new("runs.csv", "Tidy: one row per point, variant, replication and metric.", [S("point"), S("variant"), S("replication"), S("metric"), S("value")]),
            new("outputs.csv", "One row per point and output: a variant's level of a metric, or its paired difference to the baseline.",
            [
                S("point"), S("metric"), S("variant"),
                new("baseline", "string", null, "Empty for a level; else the variant the value is a difference to."),
                new("value", "number", "the metric's unit", "The mean over the point's replications: the level, or variant - baseline."),
            ]),
            new("indices.csv", "One row per output, parameter and index: how much the output depends on the parameter.",
            [
                S("metric"),
                new("output", "string", null, "A variant (its level) or 'A - B' (a difference)."),
                new("parameter", "string", null, "The parameter's path, as written under uncertain:."),
                new("method", "string", null, "'sobol' or 'morris'."),
                new("index", "string", null, "S1 (first-order Sobol' index), ST (total index), mu_star or sigma (Morris)."),
                new("value", "number", "S1, ST: share of variance; mu_star, sigma: the output's unit", "The estimate."),
                new("ci_low", "number", "as value", "Lower bound of its 95 % bootstrap interval."),
                new("ci_high", "number", "as value", "Upper bound of its 95 % bootstrap interval."),
            ]),
            new("robustness.csv", "One row per variant (but the baseline) and metric: in how many design points (plausible worlds) the variant is better than the baseline.",
            [
                S("variant"), S("baseline"), S("metric"),
                new("better", "string", null, "'lower' or 'higher': which direction is better for the metric."),
                new("wins", "integer", "points", "Points at which the variant is better (a tie is not a win)."),
                new("points", "integer", "points", "Points at which both were measured."),
                new("undefined", "integer", "points", "Points at which the metric could not be measured."),
                new("share", "number", "share", "wins / points."),
                new("ci_low", "number", "share", "Lower bound of the share's 95 % Wilson interval."),
                new("ci_high", "number", "share", "Upper bound of the share's 95 % Wilson interval."),
            ]),
            Report, Figures, ExperimentManifest,
        ]),
        new("calibrate", "A calibration's folder (isdnsim calibrate)",
            "The uncertain parameters fitted to observed durations: history matching rules out the worlds that cannot reproduce an observation, rejection ABC accepts the closest of the rest. All files but manifest.json depend only on the plan, the scenario and the observed data.",
        [
            ReadmeFile, DataPackageFile, PlanFile, ScenarioCopy, Replications,
            new("posterior.csv", "One row per uncertain parameter: its prior range and what the accepted worlds say about it, in the unit of its entry (the unit column).",
            [
                new("parameter", "string", null, "The parameter's path, as written under uncertain:."),
                new("prior_low", "number", "the row's unit", "Low end of the prior range."),
                new("prior_high", "number", "the row's unit", "High end of the prior range."),
                new("median", "number", "the row's unit", "Median of the accepted worlds' values; empty without accepted worlds or for a list of words."),
                new("p5", "number", "the row's unit", "Their 5th percentile."),
                new("p95", "number", "the row's unit", "Their 95th percentile."),
                S("unit"),
                new("accepted", "integer", "worlds", "Accepted worlds."),
                new("width_of_prior", "number", "share", "(p95 - p5) / (prior_high - prior_low): how much of the prior range the 90 % interval still covers."),
                new("values", "string", null, "For a list: each value with how many accepted worlds have it ('fifo:7 priority:6')."),
            ]),
            new("fit.csv", "One row per observation, in the observed file's order: the model before (the scenario's own values) and after calibration (over the accepted worlds).",
            [
                S("line"), S("process"), S("region"), S("statistic"), S("unit"), S("observed"),
                new("scale", "number", "the row's unit", "The scale the distance divides this observation's difference by."),
                new("observation_sd", "number", "the row's unit", "Assumed error of the observation (10 % of the observed value)."),
                new("discrepancy_sd", "number", "the row's unit", "Assumed model discrepancy (10 % of the observed value)."),
                new("before", "number", "the row's unit", "The scenario's own value: the mean over replications."),
                new("before_ci_low", "number", "the row's unit", "Lower bound of its 95 % interval."),
                new("before_ci_high", "number", "the row's unit", "Upper bound of its 95 % interval."),
                new("after", "number", "the row's unit", "Mean over the accepted worlds of their means; empty when none was accepted."),
                new("after_p5", "number", "the row's unit", "5th percentile over the accepted worlds."),
                new("after_p95", "number", "the row's unit", "95th percentile over the accepted worlds."),
                new("best_implausibility", "number", null, "The smallest implausibility of this observation over all worlds; above 3, no world reproduces it."),
                new("worlds_within", "integer", "worlds", "Worlds with implausibility at most 3 for it."),
            ]),
            new("points.csv", "Every sampled world (design point): its coordinates, values, simulated statistics, implausibility, distance, and whether it was accepted.", CalibrationPoints(new ResultColumn("accepted", "boolean", null, "Whether the world was accepted."))),
            new("accepted.csv", "The accepted worlds, closest first, with the columns of points.csv and their rank.", CalibrationPoints(new ResultColumn("rank", "integer", null, "1 for the closest accepted world, 2 for the next, ..."))),
            new(CalibrationOutput.CalibratedRanges, "Only when some world was accepted: an --uncertain file whose ranges are the posterior's (uniform from p5 to p95, a list's accepted values), for validate, assumptions and the designs.", []),
            new(CalibrationOutput.CalibratedValues, "Only when some world was accepted: --set PATH=VALUE lines at the posterior medians, for isdnsim sweep.", []),
            Report, Figures, ExperimentManifest,
        ]),
        new("check", "A check's folder (isdnsim check)",
            "Each observed duration of an observed-data file beside the model's value of the same statistic. check.csv depends only on the scenario, the observed file, the variant, seed and replications. Written atomically.",
        [
            ReadmeFile, DataPackageFile,
            new("check.csv", "One row per observation, in the observed file's order.",
            [
                S("line"), S("process"), S("region"), S("statistic"), S("unit"), S("observed"),
                new("simulated", "number", "the row's unit", "The model's value: the mean over the replications with a value; empty with none."),
                new("ci_low", "number", "the row's unit", "Lower bound of its 95 % interval; empty with fewer than two values."),
                new("ci_high", "number", "the row's unit", "Upper bound of its 95 % interval."),
                new("replications", "integer", null, "Replications run."),
                new("replications_with_value", "integer", null, "Of them, those with something to measure."),
                new("projects", "integer", "projects", "Projects measured, summed over replications (for share_finished_by: projects obliged)."),
                new("finished_share", "number", "share", "Of the projects arrived after the warm-up (for share_finished_by: obliged), the share finished by the horizon, pooled over replications."),
                new("observation", "string", null, "'inside', 'above' or 'below' the model's interval; empty without a simulated value."),
                new("model", "string", null, "'faster', 'slower' or 'consistent'; empty without a simulated value."),
                S("source"),
            ]),
            new("manifest.json",
                "How this folder was made: program, version and git commit, the command, when; the scenario file and the observed file with their SHA-256, variant, seed, replications, horizon, warm-up, engine, silos and wall time; the command that gives the same check.csv again.", []),
        ]),
    ];

    /// <summary>The folder of <paramref name="command"/>.</summary>
    public static ResultFolder Of(string command) => Folders.Single(f => f.Command == command);

    /// <summary>The files of every cell of a comparison or a sweep.</summary>
    private static ResultFile[] CellFiles =>
    [
        new("agencies.csv", "One row per cell and agency: the figures over the cell's replications, each with its 95 % interval.",
        [
            S("cell"), S("agent"), S("agency"),
            new("name", "string", null, "The agency's name."),
            new("organisation", "string", null, "The name of the agent it belongs to."),
            S("staff"),
            new("utilisation", "number", "share", "Mean utilisation over the replications."),
            new("utilisation_low", "number", "share", "Lower bound of its 95 % interval."),
            new("utilisation_high", "number", "share", "Upper bound of its 95 % interval."),
            new("waiting_caused_days", "number", "project-days", "Mean queue time caused (see waiting_caused_days of a run's agencies.csv)."),
            new("waiting_caused_low", "number", "project-days", "Lower bound of its 95 % interval."),
            new("waiting_caused_high", "number", "project-days", "Upper bound of its 95 % interval."),
            new("critical_path_share", "number", "share", "Mean share of finished projects whose longest critical-chain step was this agency's."),
            new("critical_path_share_low", "number", "share", "Lower bound of its 95 % interval."),
            new("critical_path_share_high", "number", "share", "Upper bound of its 95 % interval."),
            new("unstable_replications", "integer", "replications", "In how many replications it was saturated or its queue kept growing."),
        ]),
        new("agencies_by_year.csv", "One row per cell, agency and calendar year: the mean utilisation.",
        [
            S("cell"), S("agent"), S("agency"),
            new("year", "integer", null, "The calendar year."),
            new("utilisation", "number", "share", "Mean utilisation over the replications in that year."),
        ]),
        new("lead_times.csv", "Per cell the lead time at each percentile 0 to 100 (the mean over replications of each replication's percentile).",
        [
            S("cell"),
            new("percentile", "integer", "percent", "0 (the shortest) to 100 (the longest)."),
            new("lead_time_days", "number", "days", "The lead time at that percentile; empty if nothing finished."),
        ]),
        new("deadlines.csv", "Per cell, shock and group of those a law obliges: obliged, on time, compliance.",
        [
            S("cell"),
            new("shock", "string", null, "The id of the shock (a law) in the scenario file."),
            new("group", "string", null, "The group of the shock (by population)."),
            new("deadline", "date", null, "The group's deadline."),
            new("obliged", "number", "projects", "Mean number of projects obliged."),
            new("on_time", "number", "projects", "Mean number finished by the deadline."),
            new("compliance", "number", "share", "Mean share of the obliged finished by the deadline."),
            new("compliance_low", "number", "share", "Lower bound of its 95 % interval."),
            new("compliance_high", "number", "share", "Upper bound of its 95 % interval."),
        ]),
    ];

    private static ResultColumn[] CalibrationPoints(ResultColumn last) =>
    [
        S("point"), S("u:<path>"), S("<path>"),
        new("simulated:line<L>", "number", "the observation's unit", "The mean over the point's replications of the statistic of the observation on line L of the observed-data file."),
        new("max_implausibility", "number", null, "The largest implausibility over the observations (history matching rules out a world above 3)."),
        new("distance", "number", null, "The scaled distance of the world's statistics to the observations (rejection ABC accepts the closest)."),
        last,
    ];

    /// <summary>An estimate's three columns: <paramref name="mean"/>, then <paramref name="stem"/>_low and <paramref name="stem"/>_high, the bounds of its 95 % interval.</summary>
    private static ResultColumn[] Estimated(string mean, string stem, string unit, string description) =>
    [
        new(mean, "number", unit, description),
        new($"{stem}_low", "number", unit, "Lower bound of its 95 % interval; empty with fewer than two replications."),
        new($"{stem}_high", "number", unit, "Upper bound of its 95 % interval."),
    ];

    private static ResultColumn S(string name) => Shared[name];
}
