import KenshuCore
import Testing
@testable import KenshuImport

/// RFC 4180 reading with the line and column (in Characters) of every field.
struct CSVReaderTests {
    func read(_ text: String) throws(InputError) -> [CSVRecord] {
        try CSVReader(text: text, file: "roster.csv").records()
    }

    /// The syntax error reading `text` gives, or a recorded issue.
    func failure(_ text: String) -> InputError? {
        do {
            let records = try read(text)
            Issue.record("read \(records.count) record(s)")
            return nil
        } catch {
            return error
        }
    }

    @Test func readsPlainFieldsWithLinesAndColumns() throws {
        let records = try read("a,bb,ccc\nd,e,f\n")
        #expect(records.map(\.values) == [["a", "bb", "ccc"], ["d", "e", "f"]])
        #expect(records.map(\.line) == [1, 2])
        #expect(records[0].fields.map(\.column) == [1, 3, 6])
        #expect(records[1].fields == [
            CSVField(value: "d", line: 2, column: 1), CSVField(value: "e", line: 2, column: 3),
            CSVField(value: "f", line: 2, column: 5),
        ])
    }

    @Test func readsQuotedFields() throws {
        let records = try read("\"a\",\"\",b\n")
        #expect(records.map(\.values) == [["a", "", "b"]])
        #expect(records[0].fields.map(\.column) == [1, 5, 8])
    }

    @Test func doubledQuotesInsideQuotesAreOneQuote() throws {
        let records = try read("\"say \"\"hi\"\"\",\"\"\"\"\n")
        #expect(records.map(\.values) == [["say \"hi\"", "\""]])
        #expect(records[0].fields[1].column == 14)
    }

    @Test func quotedFieldsHoldCommasAndLineBreaksAndLaterLinesStayRight() throws {
        let records = try read("id,name,note\n1,\"小千谷, 次郎\",\"line one\nline two\r\nline three\"\n2,b,c\n")
        #expect(records.map(\.values) == [
            ["id", "name", "note"],
            ["1", "小千谷, 次郎", "line one\nline two\r\nline three"],
            ["2", "b", "c"],
        ])
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(records[1].fields.map(\.column) == [1, 3, 13])
        #expect(records[2].fields.map(\.line) == [5, 5, 5])
        #expect(records[2].fields.map(\.column) == [1, 3, 5])
    }

    @Test func fieldAfterAMultiLineQuotedFieldCountsColumnsFromItsOwnLine() throws {
        let records = try read("\"a\nbc\",d\n")
        #expect(records[0].fields[1] == CSVField(value: "d", line: 2, column: 5))
    }

    @Test func readsCRLFAndLoneCRLineEnds() throws {
        let crlf = try read("a,b\r\nc,d\r\n")
        #expect(crlf.map(\.values) == [["a", "b"], ["c", "d"]])
        #expect(crlf.map(\.line) == [1, 2])
        let cr = try read("a,b\rc,d\r")
        #expect(cr.map(\.values) == [["a", "b"], ["c", "d"]])
        #expect(cr.map(\.line) == [1, 2])
    }

    @Test func theFinalLineBreakIsOptional() throws {
        #expect(try read("a,b\nc,d").map(\.values) == [["a", "b"], ["c", "d"]])
        #expect(try read("a,b\nc,d\n").map(\.values) == [["a", "b"], ["c", "d"]])
        #expect(try read("a,\"b\"").map(\.values) == [["a", "b"]])
    }

    @Test func blankLinesAreSkippedAndLineNumbersKept() throws {
        let records = try read("\na,b\n\n\r\n\nc,d\n\n")
        #expect(records.map(\.values) == [["a", "b"], ["c", "d"]])
        #expect(records.map(\.line) == [2, 6])
    }

    @Test func emptyFieldsAndTrailingCommasAreKept() throws {
        let records = try read(",a,,\n")
        #expect(records.map(\.values) == [["", "a", "", ""]])
        #expect(records[0].fields.map(\.column) == [1, 2, 4, 5])
    }

    @Test func valuesAreNotTrimmed() throws {
        #expect(try read(" a , b \n").map(\.values) == [[" a ", " b "]])
        #expect(try read("\" a \"\n").map(\.values) == [[" a "]])
    }

    @Test func emptyTextHasNoRecords() throws {
        #expect(try read("").isEmpty)
        #expect(try read("\n\r\n").isEmpty)
    }

    @Test func japaneseColumnsAreCountedInCharacters() throws {
        let records = try read("職員番号,氏名,所属\n100001,髙橋 花子,\"総務課\"\n")
        #expect(records[0].fields.map(\.column) == [1, 6, 9])
        #expect(records[1].fields.map(\.column) == [1, 8, 14])
        #expect(records[1].values == ["100001", "髙橋 花子", "総務課"])
    }

    @Test func combiningSequencesCountAsOneCharacter() throws {
        // 葛 with a variation selector, and e + combining acute: one Character each.
        let records = try read("葛\u{E0100},e\u{301},x\n")
        #expect(records[0].fields.map(\.column) == [1, 3, 5])
    }

    @Test func leftoverByteOrderMarkIsNotPartOfTheFirstField() throws {
        let records = try read("\u{FEFF}職員番号,氏名\n")
        #expect(records[0].values == ["職員番号", "氏名"])
        #expect(records[0].fields.map(\.column) == [1, 6])
    }

    @Test func unclosedQuoteNamesTheLineWhereTheFieldBegan() throws {
        let error = try #require(failure("a,b\nc,\"never closed\nmore\nand more\n"))
        #expect(error.location == SourceLocation(file: "roster.csv", line: 2, column: 3))
        #expect(error.message.contains("never closed"))
        #expect(error.description.hasPrefix("roster.csv:2:3: "))
    }

    @Test func characterAfterAClosingQuoteIsAnError() throws {
        let error = try #require(failure("x\n\"ab\"c,d\n"))
        #expect(error.location == SourceLocation(file: "roster.csv", line: 2, column: 5))
        #expect(error.message.contains("'c'"))
    }

    @Test func characterAfterAMultiLineQuotedFieldIsReportedOnItsLine() throws {
        let error = try #require(failure("名前,\"一\n二\"三\n"))
        #expect(error.location == SourceLocation(file: "roster.csv", line: 2, column: 3))
        #expect(error.message.contains("'三'"))
    }

    @Test func bareQuoteInsideAnUnquotedFieldIsAnError() throws {
        let error = try #require(failure("a,b\n髙橋,ab\"c\n"))
        #expect(error.location == SourceLocation(file: "roster.csv", line: 2, column: 6))
        #expect(error.message.contains("double quote"))
        let spaced = try #require(failure("a, \"b\"\n"))
        #expect(spaced.location == SourceLocation(file: "roster.csv", line: 1, column: 4))
    }

    @Test func readsFiveMegabytesQuickly() throws {
        var text = "職員番号,氏名,メール,所属,備考\n"
        var row = 0
        while text.utf8.count < 5_000_000 {
            row += 1
            text += "\(100000 + row),髙橋 花子,s\(row)@example.jp,\"総務課, 人事係\",\"備考 \"\"\(row)\"\"\"\r\n"
        }
        let clock = ContinuousClock()
        var records: [CSVRecord] = []
        let elapsed = try clock.measure { records = try read(text) }
        #expect(records.count == row + 1)
        #expect(records.last?.fields[4].value == "備考 \"\(row)\"")
        #expect(records.last?.line == row + 1)
        // Generous enough for a debug build; a release build reads it in a fraction of this.
        #expect(elapsed < .seconds(10))
    }
}
