namespace IsdnSim.Presentation.Output;

/// <summary>Writes one column's field of a row of a <see cref="CsvTable{TRow}"/>.</summary>
internal delegate void CsvField<TRow>(Csv csv, in TRow row);
