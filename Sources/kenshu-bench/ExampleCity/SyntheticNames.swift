/// Synthetic Japanese names with a romanisation for mail addresses. Includes the
/// characters only CP932's extensions hold (髙, 﨑), which real rosters have.
enum SyntheticNames {
    struct Part {
        let kanji: String
        let romaji: String
    }

    static let surnames: [Part] = [
        ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("髙橋", "takahashi"), ("田中", "tanaka"),
        ("渡辺", "watanabe"), ("伊藤", "ito"), ("山本", "yamamoto"), ("中村", "nakamura"), ("小林", "kobayashi"),
        ("加藤", "kato"), ("吉田", "yoshida"), ("山田", "yamada"), ("佐々木", "sasaki"), ("山口", "yamaguchi"),
        ("松本", "matsumoto"), ("井上", "inoue"), ("木村", "kimura"), ("林", "hayashi"), ("清水", "shimizu"),
        ("山崎", "yamazaki"), ("山﨑", "yamazaki"), ("宮﨑", "miyazaki"), ("池田", "ikeda"), ("阿部", "abe"),
        ("橋本", "hashimoto"), ("石川", "ishikawa"), ("小川", "ogawa"), ("五十嵐", "igarashi"), ("星野", "hoshino"),
        ("丸山", "maruyama"), ("長谷川", "hasegawa"), ("近藤", "kondo"), ("坂井", "sakai"), ("関", "seki"),
        ("大平", "ohira"), ("小池", "koike"), ("樋口", "higuchi"), ("本田", "honda"), ("桜井", "sakurai"),
        ("野口", "noguchi"), ("須藤", "sudo"), ("目黒", "meguro"), ("片桐", "katagiri"), ("広井", "hiroi"),
        ("内山", "uchiyama"), ("若井", "wakai"), ("風間", "kazama"), ("田村", "tamura"), ("金子", "kaneko"),
    ].map { Part(kanji: $0.0, romaji: $0.1) }

    static let givenNames: [Part] = [
        ("翔太", "shota"), ("大輔", "daisuke"), ("健太", "kenta"), ("拓也", "takuya"), ("直樹", "naoki"),
        ("和也", "kazuya"), ("浩二", "koji"), ("誠", "makoto"), ("隆", "takashi"), ("聡", "satoshi"),
        ("亮", "ryo"), ("悠斗", "yuto"), ("蓮", "ren"), ("陽向", "hinata"), ("修", "osamu"),
        ("博之", "hiroyuki"), ("正樹", "masaki"), ("学", "manabu"), ("剛", "tsuyoshi"), ("勇気", "yuki"),
        ("美咲", "misaki"), ("陽子", "yoko"), ("恵子", "keiko"), ("真由美", "mayumi"), ("由美", "yumi"),
        ("彩", "aya"), ("さくら", "sakura"), ("優子", "yuko"), ("智子", "tomoko"), ("裕子", "hiroko"),
        ("愛", "ai"), ("舞", "mai"), ("結衣", "yui"), ("葵", "aoi"), ("千尋", "chihiro"),
        ("奈々", "nana"), ("理恵", "rie"), ("久美子", "kumiko"), ("明美", "akemi"), ("早紀", "saki"),
    ].map { Part(kanji: $0.0, romaji: $0.1) }
}
