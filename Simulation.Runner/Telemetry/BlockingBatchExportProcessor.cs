using System.Diagnostics;
using OpenTelemetry;

namespace IsdnSim.Runner.Telemetry;

/// <summary>
/// Exports spans in batches on the thread that ends them, and waits until each batch is sent.
/// The simulation ends all spans of a replication at once, tens of thousands in milliseconds;
/// the SDK's batch processor would drop what does not fit its queue (2,048 spans), whereas here
/// the run waits for the receiver instead. Counts what was sent and what the receiver refused
/// or never got.
/// </summary>
internal sealed class BlockingBatchExportProcessor(BaseExporter<Activity> exporter, int batchSize = 512) : BaseExportProcessor<Activity>(exporter)
{
    private readonly Lock _gate = new();
    private readonly Activity[] _batch = new Activity[batchSize];
    private int _count;

    public long Sent { get; private set; }

    public long Failed { get; private set; }

    /// <summary>Spans sent that have no parent: the projects' traces.</summary>
    public long Traces { get; private set; }

    protected override void OnExport(Activity data)
    {
        lock (_gate)
        {
            _batch[_count++] = data;
            if (_count == _batch.Length)
            {
                ExportBatch();
            }
        }
    }

    protected override bool OnForceFlush(int timeoutMilliseconds)
    {
        lock (_gate)
        {
            ExportBatch();
        }

        return exporter.ForceFlush(timeoutMilliseconds);
    }

    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        lock (_gate)
        {
            ExportBatch();
        }

        return exporter.Shutdown(timeoutMilliseconds);
    }

    private void ExportBatch()
    {
        if (_count == 0)
        {
            return;
        }

        if (exporter.Export(new Batch<Activity>(_batch, _count)) == ExportResult.Success)
        {
            Sent += _count;
            for (var i = 0; i < _count; i++)
            {
                Traces += _batch[i].ParentSpanId == default ? 1 : 0;
            }
        }
        else
        {
            Failed += _count;
        }

        Array.Clear(_batch, 0, _count);
        _count = 0;
    }
}
