"""Every article's language is detected, scripts without spaces too; non-English ones are refused, the rest go on."""

import pytest

import chorus.ingest.language as language
from chorus.errors import InputError
from chorus.ingest import RawDocument, prepare_documents
from chorus.ingest.language import detect_language

ENGLISH = "\n\n".join(
    [
        "Russian Foreign Minister Sergei Lavrov met Hamas leader Khaled Meshal in Qatar on Monday and invited him "
        "to visit Moscow, a Hamas official said.",
        "The two sides discussed the situation in Gaza and the efforts to reconcile the rival Palestinian factions, "
        "according to a statement issued after the meeting.",
        "Meshal, who is based in Doha, last travelled to Moscow in 2010, when he met the Russian president.",
    ]
)
UNSPACED = {
    "Chinese": "俄罗斯外交部长拉夫罗夫周一在卡塔尔首都多哈会见了哈马斯领导人迈沙阿勒，并邀请他访问莫斯科。"
    "双方讨论了加沙地带的局势以及巴勒斯坦内部和解的努力。哈马斯官员在会后发表声明说，代表团向拉夫罗夫介绍了情况。",
    "Japanese": "ロシアのラブロフ外相は月曜日、カタールの首都ドーハでイスラム組織ハマスの指導者と会談し、"
    "モスクワへの訪問を招待した。ハマスの当局者が明らかにした。双方はガザ地区の情勢について話し合った。",
    "Thai": "รัฐมนตรีว่าการกระทรวงการต่างประเทศรัสเซียได้พบกับผู้นำกลุ่มฮามาสที่กรุงโดฮาเมื่อวันจันทร์"
    "และเชิญให้เดินทางไปเยือนกรุงมอสโกเพื่อหารือเพิ่มเติมเกี่ยวกับสถานการณ์ในฉนวนกาซา",
}
SPACED = {
    "French": "Le ministre russe des Affaires étrangères, Sergueï Lavrov, a rencontré lundi au Qatar le chef du "
    "Hamas, Khaled Mechaal, et l'a invité à se rendre à Moscou, a indiqué un responsable du mouvement. "
    "Les deux parties ont évoqué la situation dans la bande de Gaza et la réconciliation palestinienne.",
    "Korean": "러시아 외무장관이 월요일 카타르 도하에서 하마스 지도자를 만나 모스크바 방문을 초청했다고 하마스 관계자가 "
    "밝혔다. 양측은 가자지구 상황과 팔레스타인 내부 화해 문제를 논의했으며 회담은 두 시간 동안 이어졌다.",
}


@pytest.mark.parametrize("name", sorted(UNSPACED))
def test_scripts_without_spaces_are_recognised(name):
    assert detect_language(UNSPACED[name]) not in (None, "en")


@pytest.mark.parametrize("name", sorted(SPACED))
def test_spaced_scripts_are_recognised(name):
    assert detect_language(SPACED[name]) not in (None, "en")


def test_plain_english_is_answered_without_loading_the_model(monkeypatch):
    def no_model():
        raise AssertionError("the model was loaded for plainly English text")

    monkeypatch.setattr(language, "_identifier", no_model)
    assert detect_language(ENGLISH) == "en"


def test_short_text_is_not_judged():
    assert detect_language("Lavrov met Meshal.") is None
    assert detect_language("拉夫罗夫会见了迈沙阿勒。") is None


@pytest.mark.parametrize("name", ["Chinese", "Japanese", "French"])
def test_a_non_english_article_is_refused_and_the_others_go_on(name):
    text = {**UNSPACED, **SPACED}[name]
    raw = [RawDocument(text=ENGLISH, name="en.txt", id="en"), RawDocument(text=text, name="other.txt", id="other")]
    warnings: list[str] = []
    docs = prepare_documents(raw, warnings)
    assert [d.id for d in docs] == ["en"]
    assert f"skipped articles not in English: other.txt ({name})" in warnings


def test_only_non_english_articles_is_a_clear_error():
    raw = [RawDocument(text=UNSPACED["Chinese"], name="zh.txt", id="zh")]
    with pytest.raises(InputError, match=r"chorus summarizes English news; not English: zh\.txt \(Chinese\)"):
        prepare_documents(raw, [])


def test_chinese_on_the_command_line_is_refused(run, tmp_path):
    (tmp_path / "zh.txt").write_text(UNSPACED["Chinese"], encoding="utf-8")
    code, out, err = run("summarize", str(tmp_path / "zh.txt"))
    assert code == 1 and out == ""
    assert "chorus: error:" in err and "Chinese" in err and "Traceback" not in err


FRENCH_PAGE = "\n\n".join(
    [
        "Accueil | Monde | Sport | Culture",
        "Lavrov invite le chef du Hamas à Moscou",
        SPACED["French"],
        "Mechaal, qui vit à Doha, s'était rendu pour la dernière fois à Moscou en 2010, quatre ans après sa première "
        "visite officielle dans la capitale russe, selon le communiqué publié après la rencontre.",
        "Inscrivez-vous à notre newsletter",
        "© 2024 Le Journal. Tous droits réservés.",
    ]
)


def test_chorus_clean_serves_other_languages_with_their_stop_words(run, tmp_path):
    (tmp_path / "fr.txt").write_text(FRENCH_PAGE, encoding="utf-8")
    (tmp_path / "zh.txt").write_text(UNSPACED["Chinese"], encoding="utf-8")
    code, out, err = run("clean", str(tmp_path / "fr.txt"), str(tmp_path / "zh.txt"))
    assert code == 0 and "not English" not in err
    assert "Lavrov invite le chef du Hamas à Moscou" in out  # the headline
    assert SPACED["French"] in out and "quatre ans après" in out
    assert "Accueil" not in out and "newsletter" not in out and "droits réservés" not in out
    assert "俄罗斯外交部长拉夫罗夫周一在卡塔尔首都多哈会见了哈马斯领导人迈沙阿勒" in out


def test_a_timeline_in_english_is_answered_without_loading_the_model(monkeypatch):
    # Lists and timelines have few function words (0.14 of the words here), prose about 0.28.
    timeline = "\n\n".join(
        [
            "Timeline of the harbor fire:",
            "*Tuesday",
            "9:05 p.m. -- Fire reported at warehouse on Pier 4, near ferry terminal.",
            "9:40 p.m. -- Second alarm; crews from three stations arrive.",
            "11:15 p.m. -- Evacuation ordered for about 1,200 residents, Harbor Street and Dock Road.",
            "*Wednesday",
            "1:30 a.m. -- Fire contained; two firefighters treated for smoke inhalation.",
            "6:00 a.m. -- Residents allowed back home, officials said.",
        ]
    )
    tokens = language._LETTER_RUN.findall(timeline.lower())
    assert sum(t in language.ENGLISH_FUNCTION_WORDS for t in tokens) < 0.15 * len(tokens)  # not prose

    def no_model():
        raise AssertionError("the model was loaded for an English timeline")

    monkeypatch.setattr(language, "_identifier", no_model)
    assert detect_language(timeline) == "en"


BOX_SCORE = "\n\n".join(
    [
        "GIRLS BASKETBALL",
        "Harbor d. Millbrook 61-48",
        "Millbrook 12 10 14 12 — 48",
        "Harbor 15 16 13 17 — 61",
        "Harbor (2-0): Okafor 21 points, 8 rebounds. Lindqvist 14 points. Moreau 9 points. Tan 7 points. Reyes 6 points.",
        "Millbrook (0-2): Castellano 17 points. Haddad 11 points. Novak 8 points. Brennan 6 points. Sato 6 points.",
        "BOYS SOCCER",
        "Westfield d. Eastbrook 2-1",
        "Westfield (5-1): R. Mbeki 1 goal. T. Alvarez 1 goal, 1 assist. K. Jansen 4 saves.",
        "Eastbrook (3-3): P. Duval 1 goal. M. Ortiz 6 saves.",
    ]
)


def test_an_english_box_score_the_model_is_unsure_of_goes_on_as_english():
    # Names and figures with no function word: the model ranks English first but unsure (a shared
    # page of high-school scores: 0.82), so the language is unknown, and unknown is never refused:
    # the article goes on, cleaned with English stop words.
    from chorus.ingest.language import stop_words_for
    from chorus.text import STOP_WORDS

    assert detect_language(BOX_SCORE) is None
    assert stop_words_for(BOX_SCORE, STOP_WORDS) is STOP_WORDS
    warnings: list[str] = []
    docs = prepare_documents([RawDocument(text=BOX_SCORE, name="scores.txt", id="scores")], warnings)
    assert [d.id for d in docs] == ["scores"] and not any("English" in w for w in warnings)


def test_an_article_the_cleaner_judged_is_not_judged_again_by_ingest():
    # The cleaner asks for the page's language and ingest for the article's: for a plain news file
    # they are the same text, judged once.
    from chorus.pipeline import load_documents

    article = ENGLISH + "\n\n" + "The council will vote on the plan next week, its chairman said on Monday."
    language._language_of_sample.cache_clear()
    load_documents([article])
    info = language._language_of_sample.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def test_every_language_the_model_can_answer_has_a_name():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    classes = LanguageIdentifier.from_model_file(MODEL_FILE).nb_classes
    assert all(not language.language_name(code).startswith("language ") for code in classes)
    assert language.language_name("af") == "Afrikaans" and language.language_name("da") == "Danish"


def test_a_refused_article_of_a_dataset_is_named_as_an_article_and_its_language_in_words():
    raw = [RawDocument(text=SPACED["French"], id="1"), RawDocument(text=UNSPACED["Chinese"], id="2")]
    with pytest.raises(InputError, match=r"not English: article 1 \(French\), article 2 \(Chinese\)$"):
        prepare_documents(raw, [])


def test_a_stop_list_is_found_for_every_language_jusText_has_one_for():
    import justext

    lists = set(justext.get_stoplists())
    danish = (
        "Regeringen har i dag fremlagt et nyt forslag til finansloven, og oppositionen er ikke tilfreds med det. " * 3
    )
    assert language.detect_language(danish) == "da"
    assert language.stop_words_for(danish, frozenset()) == justext.get_stoplist("Danish")
    named = {language.STOP_LIST_NAMES.get(c) or n.replace(" ", "_") for c, n in language.LANGUAGE_NAMES.items()}
    assert len(named & lists) >= 80  # all but the lists of dialects and of languages py3langid does not know
