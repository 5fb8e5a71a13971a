import KenshuCore
import Testing
@testable import KenshuImport

/// UTF-8 (with or without BOM) and CP932 decoding; every undecodable input names where it breaks.
struct TextDecodingTests {
    /// The error `body` throws, or a recorded issue.
    func failure(_ body: () throws(InputError) -> DecodedText) -> InputError? {
        do {
            let decoded = try body()
            Issue.record("decoded as \(decoded.encoding): \(decoded.text)")
            return nil
        } catch {
            return error
        }
    }

    @Test func decodesUTF8() throws {
        let decoded = try TextDecoding.decode(Array("職員番号,氏名\n100001,髙橋 花子\n".utf8), as: .auto, file: "roster.csv")
        #expect(decoded.text == "職員番号,氏名\n100001,髙橋 花子\n")
        #expect(decoded.encoding == .utf8)
    }

    @Test func stripsTheUTF8ByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("職員番号\n".utf8)
        for choice in [TextEncodingChoice.auto, .utf8] {
            let decoded = try TextDecoding.decode(bytes, as: choice, file: "roster.csv")
            #expect(decoded.text == "職員番号\n")
            #expect(decoded.encoding == .utf8BOM)
        }
    }

    @Test func decodesCP932WithNECAndIBMExtensions() throws {
        let bytes = try CP932.encode("①髙﨑～\n")
        #expect(TextDecoding.validateUTF8(bytes[...]) != nil, "these CP932 bytes are not UTF-8")
        let auto = try TextDecoding.decode(bytes, as: .auto, file: "roster.csv")
        #expect(auto.text == "①髙﨑～\n")
        #expect(auto.encoding == .cp932)
        let chosen = try TextDecoding.decode(bytes, as: .cp932, file: "roster.csv")
        #expect(chosen.text == "①髙﨑～\n")
        #expect(chosen.encoding == .cp932)
    }

    @Test func readsASCIIAsUTF8InAutoMode() throws {
        let decoded = try TextDecoding.decode(Array("staff_id,name\n1,a\n".utf8), as: .auto, file: "roster.csv")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == "staff_id,name\n1,a\n")
    }

    @Test func invalidUTF8WithChoiceUTF8NamesLineByteAndBytes() throws {
        // Line 3 holds "ab" and then the CP932 bytes of 髙 (FB FC).
        let bytes = Array("header\nfirst\nab".utf8) + [0xFB, 0xFC] + Array("\n".utf8)
        let error = try #require(failure { () throws(InputError) in
            try TextDecoding.decode(bytes, as: .utf8, file: "roster.csv")
        })
        #expect(error.location == SourceLocation(file: "roster.csv", line: 3, column: 3))
        #expect(error.message.contains("FB"))
        #expect(error.message.contains("followed by FC"))
        #expect(error.message.contains("line 3, byte 3"))
        #expect(error.message.contains("UTF-8"))
        #expect(error.hint == "is the file CP932? try --encoding cp932")
        #expect(error.description.hasPrefix("roster.csv:3:3: "))
    }

    @Test func truncatedAndOverlongUTF8IsInvalid() {
        #expect(TextDecoding.validateUTF8([0x61, 0xE9, 0xAB][...]) == .init(offset: 1, length: 2))
        #expect(TextDecoding.validateUTF8([0xC0, 0xAF][...]) == .init(offset: 0, length: 1))
        #expect(TextDecoding.validateUTF8([0xED, 0xA0, 0x80][...]) == .init(offset: 0, length: 1))
        #expect(TextDecoding.validateUTF8([0xF4, 0x90, 0x80, 0x80][...]) == .init(offset: 0, length: 1))
        #expect(TextDecoding.validateUTF8(Array("①髙﨑～😀".utf8)[...]) == nil)
    }

    @Test func invalidCP932NamesItsLine() throws {
        // 0x85 0x40 is unassigned in CP932, and not UTF-8 either.
        let bytes = try CP932.encode("職員番号\n髙橋\n") + [0x85, 0x40] + Array("\n".utf8)
        let error = try #require(failure { () throws(InputError) in
            try TextDecoding.decode(bytes, as: .cp932, file: "roster.csv")
        })
        #expect(error.location.line == 3)
        #expect(error.location.column == 1)
        #expect(error.message.contains("85 40"))
        #expect(error.message.contains("CP932"))
        #expect(error.hint == "is the file UTF-8? try --encoding utf-8")
    }

    @Test func autoReportsTheEncodingThatReadFurther() throws {
        // Valid CP932 for two lines, then a byte neither encoding accepts.
        let bytes = try CP932.encode("職員番号\n髙橋\n") + [0xFF] + Array("\n".utf8)
        let error = try #require(failure { () throws(InputError) in
            try TextDecoding.decode(bytes, as: .auto, file: "roster.csv")
        })
        #expect(error.location.line == 3)
        #expect(error.message.contains("FF"))
        #expect(error.message.contains("CP932 (nor UTF-8)"))
    }

    @Test func UTF8WithByteOrderMarkIsNotRetriedAsCP932() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\n".utf8) + [0x82, 0xA0]
        let error = try #require(failure { () throws(InputError) in
            try TextDecoding.decode(bytes, as: .auto, file: "roster.csv")
        })
        #expect(error.location.line == 2)
        #expect(error.message.contains("82"))
    }

    @Test func cp932ChosenForAFileWithAUTF8ByteOrderMarkIsAnError() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\n".utf8)
        let error = try #require(failure { () throws(InputError) in
            try TextDecoding.decode(bytes, as: .cp932, file: "roster.csv")
        })
        #expect(error.message.contains("byte order mark"))
    }

    @Test(arguments: [[UInt8]([0xFF, 0xFE, 0x41, 0x00]), [0xFE, 0xFF, 0x00, 0x41]])
    func rejectsUTF16(bytes: [UInt8]) throws {
        for choice in TextEncodingChoice.allCases {
            let error = try #require(failure { () throws(InputError) in
                try TextDecoding.decode(bytes, as: choice, file: "roster.csv")
            })
            #expect(error.message.contains("UTF-16 is not supported; save the file as UTF-8 or CP932"))
        }
    }

    @Test func rejectsANulByteNamingItsLine() throws {
        let bytes = Array("a,b\nc,d\ne".utf8) + [0x00] + Array("f\n".utf8)
        let error = try #require(failure { () throws(InputError) in
            try TextDecoding.decode(bytes, as: .auto, file: "roster.csv")
        })
        #expect(error.location.line == 3)
        #expect(error.location.column == 2)
        #expect(error.message.contains("NUL"))
        #expect(throws: InputError.self) { try TextDecoding.decode([0x00], as: .cp932, file: "x.csv") }
    }

    @Test func decodesEmptyInputAsEmptyText() throws {
        for choice in TextEncodingChoice.allCases {
            let decoded = try TextDecoding.decode([], as: choice, file: "roster.csv")
            #expect(decoded.text.isEmpty)
        }
        let bomOnly = try TextDecoding.decode([0xEF, 0xBB, 0xBF], as: .auto, file: "roster.csv")
        #expect(bomOnly.text.isEmpty)
        #expect(bomOnly.encoding == .utf8BOM)
    }

    @Test func choiceRawValuesMatchTheCommandLine() {
        #expect(TextEncodingChoice.allCases.map(\.rawValue) == ["auto", "utf-8", "cp932"])
        #expect(TextEncodingChoice(rawValue: "utf-8") == .utf8)
    }
}
