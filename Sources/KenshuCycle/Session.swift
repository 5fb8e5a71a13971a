import KenshuConfig
import KenshuCore
import KenshuStore

/// One command's (or the daemon's) work: the setup it loaded and the store it opened, once.
/// Every step of a cycle reads and writes through this one store; nothing reopens it.
public struct Session: Sendable {
    public let setup: Setup
    public let store: KenshuStore
    /// What this setup makes of the store's data, kept while the data stays the same (a new
    /// setup, `with`, starts a new one).
    let memo = SessionMemo()

    public init(setup: Setup, store: KenshuStore) {
        self.setup = setup
        self.store = store
    }

    /// Opens the store `setup` names: with `.readWrite` creating and migrating it when needed,
    /// with `.readOnly` only an existing, current store.
    public static func open(_ setup: Setup, access: KenshuStore.Access = .readWrite) throws(KenshuError) -> Session {
        Session(setup: setup, store: try setup.openStore(access: access))
    }

    /// The same store with another setup (a reload, or `rules diff`'s candidate rules).
    public func with(_ setup: Setup) -> Session {
        Session(setup: setup, store: store)
    }

    /// Decodes and prepares the course listings now (`SessionMemo`), so that the first person
    /// a long-lived session is asked about does not wait for it.
    public func prepareListings() throws(KenshuError) {
        _ = try memo.preparedListings(self)
    }

    public var configuration: KenshuConfiguration { setup.configuration }
    public var catalog: PolicyCatalog { setup.catalog }
    public var rules: Rules { setup.rules }
    public var resolver: BandResolver { setup.resolver }
}
