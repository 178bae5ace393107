extension LocalePack {
    // Names carry their Hepburn romanisation after a colon: it spells emails and usernames.
    static let jaJPSpec = LocaleSpec(
        identifier: "ja_JP", countryCode: "JP", currencyCode: "JPY", countryName: "日本",
        languageTag: "ja-JP", timeZone: "Asia/Tokyo", nameOrder: .familyFirst, transliteration: .explicit,
        femaleNames: """
            陽子:yoko, 恵子:keiko, 京子:kyoko, 幸子:sachiko, 和子:kazuko, 美穂:miho, 真由美:mayumi, 由美子:yumiko,
            直美:naomi, 久美子:kumiko, 智子:tomoko, 裕子:yuko, 明美:akemi, 愛:ai, 彩:aya, 舞:mai, 葵:aoi, 結衣:yui,
            美咲:misaki, 陽菜:hina, 結菜:yuina, さくら:sakura, 凛:rin, 花:hana, 芽依:mei, 莉子:riko, 美羽:miu,
            優奈:yuna, 千尋:chihiro, 麻衣:mai, 由佳:yuka, 香織:kaori, 沙織:saori, 恵:megumi, 紀子:noriko,
            文子:fumiko, 春香:haruka, 菜々子:nanako, 彩花:ayaka, 杏:an, 紗希:saki, 遥:haruka, 真央:mao,
            瑞希:mizuki, 奈々:nana, 由紀:yuki, 美樹:miki, 理恵:rie, 純子:junko, 順子:junko, 亜美:ami, 絵里:eri,
            里美:satomi, 咲:saki, 楓:kaede, 七海:nanami, 綾乃:ayano, 美奈子:minako, 友美:tomomi, 早紀:saki
            """,
        maleNames: """
            翔太:shota, 大翔:hiroto, 蓮:ren, 悠真:yuma, 湊:minato, 陽翔:haruto, 樹:itsuki, 大輝:daiki, 健太:kenta,
            拓也:takuya, 直樹:naoki, 達也:tatsuya, 和也:kazuya, 哲也:tetsuya, 大介:daisuke, 誠:makoto,
            剛:tsuyoshi, 修:osamu, 浩:hiroshi, 茂:shigeru, 隆:takashi, 勇:isamu, 清:kiyoshi, 博:hiroshi,
            進:susumu, 実:minoru, 明:akira, 学:manabu, 翼:tsubasa, 颯太:sota, 陸:riku, 悠人:yuto, 颯:hayate,
            健一:kenichi, 健二:kenji, 浩二:koji, 雄一:yuichi, 正人:masato, 秀樹:hideki, 和彦:kazuhiko,
            一郎:ichiro, 太郎:taro, 次郎:jiro, 慎也:shinya, 亮:ryo, 翔:sho, 海斗:kaito, 拓海:takumi, 健:ken,
            聡:satoshi, 武:takeshi, 光:hikaru, 大和:yamato, 悠:yu, 康介:kosuke, 裕太:yuta, 俊介:shunsuke,
            智也:tomoya, 圭:kei, 匠:takumi
            """,
        familyNames: """
            佐藤:sato, 鈴木:suzuki, 高橋:takahashi, 田中:tanaka, 伊藤:ito, 渡辺:watanabe, 山本:yamamoto,
            中村:nakamura, 小林:kobayashi, 加藤:kato, 吉田:yoshida, 山田:yamada, 佐々木:sasaki, 山口:yamaguchi,
            松本:matsumoto, 井上:inoue, 木村:kimura, 林:hayashi, 斎藤:saito, 清水:shimizu, 山崎:yamazaki, 森:mori,
            池田:ikeda, 橋本:hashimoto, 阿部:abe, 石川:ishikawa, 山下:yamashita, 中島:nakajima, 石井:ishii,
            小川:ogawa, 前田:maeda, 岡田:okada, 長谷川:hasegawa, 藤田:fujita, 後藤:goto, 近藤:kondo,
            村上:murakami, 遠藤:endo, 青木:aoki, 坂本:sakamoto, 斉藤:saito, 福田:fukuda, 太田:ota, 西村:nishimura,
            藤井:fujii, 金子:kaneko, 岡本:okamoto, 藤原:fujiwara, 中野:nakano, 三浦:miura, 原田:harada,
            中川:nakagawa, 松田:matsuda, 竹内:takeuchi, 小野:ono, 田村:tamura, 中山:nakayama, 和田:wada,
            石田:ishida, 森田:morita, 上田:ueda, 原:hara, 柴田:shibata, 酒井:sakai, 工藤:kudo, 横山:yokoyama,
            宮崎:miyazaki, 宮本:miyamoto, 内田:uchida, 高木:takagi, 安藤:ando, 島田:shimada, 谷口:taniguchi,
            大野:ono, 高田:takada, 丸山:maruyama, 今井:imai, 河野:kono, 藤本:fujimoto, 村田:murata, 武田:takeda,
            上野:ueno, 杉山:sugiyama, 増田:masuda, 小山:koyama, 大塚:otsuka, 平野:hirano, 菅原:sugawara,
            久保:kubo, 松井:matsui, 千葉:chiba, 岩崎:iwasaki, 桜井:sakurai, 木下:kinoshita, 野口:noguchi,
            松尾:matsuo, 菊地:kikuchi, 野村:nomura, 新井:arai, 渡部:watanabe, 佐野:sano, 大西:onishi,
            杉本:sugimoto, 新田:nitta, 浅野:asano, 小島:kojima, 服部:hattori, 吉川:yoshikawa
            """,
        // Town names found in many Japanese cities; the block numbers follow (本町2-5-13).
        streetNames: """
            本町, 中央, 栄町, 緑町, 旭町, 幸町, 東町, 西町, 南町, 北町, 桜町, 寿町, 新町, 元町, 大手町, 錦町,
            宮前, 松原, 若葉, 城山, 駅前, 朝日町, 日吉町, 富士見, 青葉台, 桜台, 曙町, 末広町, 昭和町, 大和町,
            八幡町, 春日, 天神, 稲荷町, 平和町, 山手町, 住吉町, 港町
            """,
        streetSuffixes: "",
        addressLayout: .japanese, houseNumbers: 1...9,
        cities: """
            千代田区|東京都|13|1000000-1029999|3
            中央区|東京都|13|1030000-1049999|3
            港区|東京都|13|1050000-1089999|3
            新宿区|東京都|13|1600000-1699999|3
            渋谷区|東京都|13|1500000-1519999|3
            世田谷区|東京都|13|1540000-1589999|3
            品川区|東京都|13|1400000-1429999|3
            豊島区|東京都|13|1700000-1719999|3
            横浜市|神奈川県|14|2200000-2479999|45
            川崎市|神奈川県|14|2100000-2169999|44
            大阪市|大阪府|27|5300000-5599999|6
            名古屋市|愛知県|23|4500000-4689999|52
            札幌市|北海道|01|0600000-0659999|11
            福岡市|福岡県|40|8100000-8199999|92
            京都市|京都府|26|6000000-6169999|75
            神戸市|兵庫県|28|6500000-6589999|78
            仙台市|宮城県|04|9800000-9899999|22
            広島市|広島県|34|7300000-7399999|82
            さいたま市|埼玉県|11|3300000-3399999|48
            千葉市|千葉県|12|2600000-2679999|43
            北九州市|福岡県|40|8000000-8099999|93
            静岡市|静岡県|22|4200000-4249999|54
            新潟市|新潟県|15|9500000-9599999|25
            熊本市|熊本県|43|8600000-8619999|96
            岡山市|岡山県|33|7000000-7099999|86
            金沢市|石川県|17|9200000-9209999|76
            """,
        postalStyle: .numeric(digits: 7, dashAfter: 3),
        phone: PhoneSpec(
            callingCode: "81", style: .japanese, landlineLength: 9, mobilePrefixes: "90, 80, 70", mobileLength: 10,
            mobileShare: 0.6),
        companyTemplates: """
            株式会社{F}{S}
            {F}{S}株式会社
            {F}{S}有限会社
            {F}{S}合同会社
            株式会社{F}
            """,
        companyStems: """
            商事, 工業, 製作所, 物産, 建設, 電機, 食品, 運輸, 不動産, 産業, 技研, 精機, 化学, 薬品, 印刷, 設計,
            システム, 通信, 興業, ホールディングス
            """,
        emailDomains: "example.com, example.net, example.org, mail.jp.example, ne.jp.example"
    )
}
