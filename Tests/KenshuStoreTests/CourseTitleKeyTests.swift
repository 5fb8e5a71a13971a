import Foundation
import Testing
@testable import KenshuStore

/// The title key folded scalar by scalar is the one Foundation's NFKC and `lowercased()` make.
struct CourseTitleKeyTests {
    /// Every scalar of the ranges the quick folding takes, and their neighbours.
    static let scalars: [Unicode.Scalar] = [0x00...0x7F, 0xA0...0x2FF, 0x2000...0x206F, 0x3000...0x30FF, 0x3100...0x312F,
                                            0x4DF0...0x4E10, 0x9FF0...0xA010, 0xF900...0xF910, 0xFE30...0xFE4F,
                                            0xFF00...0xFFEF]
        .flatMap { $0 }.compactMap(Unicode.Scalar.init)

    @Test func eachScalarFoldsAsFoundationFoldsIt() {
        for scalar in Self.scalars {
            let title = "研修\(Character(scalar))Ｘ"
            #expect(CourseTitleKey.make(title) == CourseTitleKey.foldedByFoundation(title), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func mixedTitlesFoldAsFoundationFoldsThem() {
        var random = SplitMix64(seed: 7)
        // Kana with combining voiced marks and halfwidth kana among them: Foundation's path.
        let pieces = ["政策", "・", "（第1期）", "ＤＸ", "AI", "ｶﾞ", "か\u{3099}", "「", "」", "　", " ", "Ａ\u{301}", "ー", "ヾ",
                      "〜", "～", "①", "㈱", "Ⅳ", "e\u{301}", "ǅ", "ß", "İ"]
        for _ in 0..<2_000 {
            let title = (0..<random.next(below: 6)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            #expect(CourseTitleKey.make(title) == CourseTitleKey.foldedByFoundation(title), "\(title)")
        }
        #expect(CourseTitleKey.make("接遇・クレーム対応研修（第２期）") == "接遇・クレーム対応研修(第2期)")
        #expect(CourseTitleKey.foldedByScalar("ｾｷｭﾘﾃｨ研修") == nil)
    }
}
