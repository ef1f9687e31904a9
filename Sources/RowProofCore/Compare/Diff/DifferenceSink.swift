/// Receives every difference the differ finds, in key order per side, as it finds it.
///
/// The differ keeps only counts and the first few differences of each kind; a sink that needs
/// all of them (a report writer, a spill file) gets them here without the differ holding them.
public protocol DifferenceSink {
    /// Takes one difference.
    ///
    /// - Throws: Anything; the differ stops and rethrows it.
    mutating func receive(_ difference: RowDifference) throws
}
