import Testing
import KenshuStore

/// Import summaries read in Japanese, also those an earlier Kenshu stored in English.
struct ImportSummaryTextTests {
    @Test(arguments: [
        ("added 3, updated 12, unchanged 400, deactivated 1, reactivated 0", "追加 3・更新 12・変更なし 400・名簿から外れた 1・名簿に戻った 0"),
        ("added 19, updated 0, unchanged 0, retired 2", "追加 19・更新 0・変更なし 0・掲載終了 2"),
        ("added 823, updated 0, unchanged 0", "追加 823・更新 0・変更なし 0"),
        ("periods 2024, 2025: replaced 10 rating(s) with 15650", "2024・2025年度の評価 10 件を 15650 件に置き換え"),
        ("rejected: 3 error(s)", "取込不可（エラー 3 件）"),
        ("held back: 1 reason(s)", "保留（理由 1 件）"),
        ("rejected; the previous catalogue stays", "取込不可（前回の研修一覧のまま）"),
    ])
    func anOldEnglishSummaryReadsInJapanese(stored: String, japanese: String) {
        #expect(ImportSummaryText.japanese(stored) == japanese)
    }

    @Test func aJapaneseOrUnknownSummaryStaysAsItIs() {
        #expect(ImportSummaryText.japanese("追加 2・更新 0・変更なし 0") == "追加 2・更新 0・変更なし 0")
        #expect(ImportSummaryText.japanese("something else, entirely") == "something else, entirely")
    }
}
