import Foundation
import RowProofContracts

/// How `recon`'s command-line options and a job file's fields combine: what is given on the
/// command line wins over the job file, and options that describe the comparison itself belong to
/// the job file alone.
extension RowProofCommand.Recon {
    /// Local workers when neither `--workers` nor the job's `workers` says.
    static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The data-diff options given alongside `--job`, which the job file already answers.
    var optionsTheJobFileOwns: [String] {
        var given: [String] = []
        if targetTable != nil { given.append("--target-table") }
        if !keys.isEmpty { given.append("--key") }
        if !columns.isEmpty { given.append("--column") }
        if !excluded.isEmpty { given.append("--exclude") }
        if filter != nil { given.append("--where") }
        if strategy != nil { given.append("--strategy") }
        return given
    }

    /// The job-file field that takes the place of `option`.
    static func jobField(of option: String) -> String {
        switch option {
        case "--target-table": "tables[].target"
        case "--key": "tables[].key_columns"
        case "--column": "tables[].columns"
        case "--exclude": "tables[].exclude_columns"
        case "--where": "tables[].where"
        default: "strategy, or tables[].strategy"
        }
    }

    /// `job` with the command line's `--chunk-rows`, which overrides the job's `chunking.chunk_rows`.
    ///
    /// The override becomes part of the job's specification, so a run with other chunks is another
    /// job in the store, never a mix of two plans.
    func applyingCommandLine(to job: ReconJob) -> ReconJob {
        guard let chunkRows else { return job }
        var job = job
        var chunking = job.chunking ?? ChunkingOptions()
        chunking.chunkRows = chunkRows
        job.chunking = chunking
        return job
    }

    /// The output folder: `--output`, else the job's `output_dir`, else `rowproof-out`.
    func outputFolder(for job: ReconJob) -> String {
        output ?? job.outputDir ?? "rowproof-out"
    }

    /// Local workers: `--workers`, else the job's `workers`, else one per core.
    func workerCount(for job: ReconJob) -> Int {
        workers ?? job.workers ?? Self.defaultWorkers
    }
}
