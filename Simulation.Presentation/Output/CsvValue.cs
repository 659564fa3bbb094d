namespace IsdnSim.Presentation.Output;

/// <summary>A column's value in a row of a <see cref="CsvTable{TRow}"/>; the row is passed by reference, as rows can be large structs and files have millions of fields.</summary>
internal delegate T CsvValue<TRow, out T>(in TRow row);
