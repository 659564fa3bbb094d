using IsdnSim.Kernel.Random;

namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// When the posts of an agency take no work: the holder's illness and annual leave, and vacancies
/// until a post is filled again. A part left out (null) does not happen. Each post goes through
/// these on random streams of its own (see <c>Agents/Mechanisms/Absences</c>), so that turning
/// absence on or off leaves every arrival and every effort as it was.
/// </summary>
/// <param name="Illness">Illness of the holder: its share of the holder's working time and the length of a spell, in working days.</param>
/// <param name="Leave">Annual leave of the holder: its share of the holder's working time and the length of a block, in working days.</param>
/// <param name="Vacancy">Vacancy of the post: its long-run share of the time and the time to fill the post again, in calendar days.</param>
public sealed record AbsenceDefinition(AbsenceCause? Illness, AbsenceCause? Leave, AbsenceCause? Vacancy)
{
    /// <summary>Neither absence nor vacancy: the agency's posts are always there (the default).</summary>
    public bool IsNone => Illness is null && Leave is null && Vacancy is null;

    /// <summary>Illness and leave together: the share of the holder's working time away.</summary>
    public double HolderAwayShare => (Illness?.Share ?? 0) + (Leave?.Share ?? 0);

    /// <summary>
    /// The long-run share of the posts' time at work: holder present and post filled. The holder's
    /// absences and the post's vacancies run independently, so the shares multiply.
    /// </summary>
    public double PresentShare => (1 - HolderAwayShare) * (1 - (Vacancy?.Share ?? 0));
}

/// <summary>One reason a post takes no work: the long-run share of the time it holds, and how long one spell of it lasts.</summary>
/// <param name="Share">Long-run share of the time, at least 0 and below 1.</param>
/// <param name="Length">How long one spell lasts (working days for illness and leave, calendar days for a vacancy).</param>
public sealed record AbsenceCause(double Share, Distribution Length);
