import KenshuCore

/// What every command and the daemon work from, loaded and checked once: the config, the
/// policy catalogue, the rules and the band resolver their aliases make. A plain value: it
/// opens nothing, so it can be handed to any stage that needs part of it.
public struct Setup: Sendable {
    public var configuration: KenshuConfiguration
    public var catalog: PolicyCatalog
    public var rules: Rules
    public var resolver: BandResolver

    public init(configuration: KenshuConfiguration, catalog: PolicyCatalog, rules: Rules, resolver: BandResolver) {
        self.configuration = configuration
        self.catalog = catalog
        self.rules = rules
        self.resolver = resolver
    }
}
