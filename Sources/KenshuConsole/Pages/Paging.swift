/// One page of a long list: the range of items it shows, where it stands, and the links to
/// the pages before and after (built by `link`, which also carries the page's other query).
struct Paging: Sendable {
    var page: Int
    var pages: Int
    var total: Int
    var previous: String?
    var next: String?
    var range: Range<Int>
    /// Whether there is more than one page (Mustache tests this, not `pages`).
    var isPaged: Bool

    /// Page `requested` (1 when nil) of `total` items, `size` to a page; a page that is not a
    /// whole number from 1 to the last page is refused with the field's name and value.
    init(total: Int, size: Int, requested: String?, field: String, link: (Int) -> String) throws(ConsoleRefusal) {
        let pages = max(1, (total + size - 1) / size)
        let page: Int
        if let requested {
            guard let number = Int(requested), (1...pages).contains(number) else {
                throw .badInput("ページ番号 \(field)=「\(requested)」は使えません。1〜\(pages) の数を指定してください。")
            }
            page = number
        } else {
            page = 1
        }
        self.page = page
        self.pages = pages
        self.total = total
        range = min(total, (page - 1) * size)..<min(total, page * size)
        previous = page > 1 ? link(page - 1) : nil
        next = page < pages ? link(page + 1) : nil
        isPaged = pages > 1
    }
}
