from pipeline.gazetteer import gazetteer


def test_prefecture_of_an_address_and_of_a_bare_name():
    assert gazetteer().prefecture_of("広島県福山市東桜町3番5号") == "広島県"
    assert gazetteer().prefecture_of("神奈川県横浜市中区") == "神奈川県"
    assert gazetteer().prefecture_of("福山市") == ""  # three characters, no prefecture


def test_a_place_read_in_hiragana_is_known_without_its_suffix_and_grammar_is_not():
    g = gazetteer()
    for reading in ("とよはし", "いまばり", "はちのへ", "くまもと", "おおいた", "ほっかいどう"):
        assert g.is_place_reading(reading), reading
    for word in ("それぞれ", "すべて", "ともに", "さらに", "とよはしし", "の"):
        assert not g.is_place_reading(word), word
