extension CanonicalValue {
    /// The value as SQL tools show it (`NULL`, `42`, `'text'`, `2024-03-01T12:00:00Z`), for reports and messages.
    public var displayText: String { ValueText.render(self) }
}
