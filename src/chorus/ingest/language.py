"""Is this article in English? (The pipeline's stemmer and stop words are English.)

Most articles are plainly English: a quarter of their words are English
function words ("the", "of", "said"...), which no other language's text
comes near (measured on the 1,500 DUC 2006/2007 articles: median 0.28,
99% above 0.19, 99.9% above 0.11; on the shared web pages in other
languages at most 0.08, a Japanese page quoting English, which is
counted by its characters; 0.009 in Latin script). Those are
answered without a model. The rest go to py3langid
(Lui & Baldwin's langid.py, ACL 2012), loaded the first time it is needed
and kept for the process.

Scripts written without spaces between words (Chinese, Japanese, Thai...)
are counted by their characters, not by spaces: a page of Chinese is one
"word" to ``str.split``, but it is plainly long enough to identify.
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_WORDS = 20  # shorter texts do not identify their language reliably
# Characters of scripts written without spaces (Han, kana, Hangul, Thai, Lao, Myanmar, Khmer).
_UNSPACED_CHAR = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
MIN_UNSPACED_CHARS = 40  # about as much text as MIN_WORDS words
MIN_PROBABILITY = 0.9  # to call a text English
# To call it another language, English must be this unlikely (the model may
# split the rest between close languages: Mandarin and Wu Chinese).
MAX_ENGLISH_PROBABILITY = 0.05
SAMPLE_CHARS = 20_000  # the language of an article shows in its first pages
# Function words of English that other languages do not share as words
# (no "a", "in", "on", "die", "de": those are words of German, French, Dutch...).
ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to is that was for with his her they have has been were said which from this it by at
    are be not but an or their who would will""".split()
)
# Prose reaches 0.19 and more, but tables, timelines and lists of names run
# lower: five DUC articles at 0.116-0.137 (a timeline, index figures, a list
# of nominees, quake figures, a two-sentence brief) and one at 0.067 (a
# one-sentence brief), all English to the model; pages in other languages
# that reach this test (no unspaced script) reached at most 0.009. Below it
# the model decides: loading it costs a process about 100 MB and 0.4 s.
PLAINLY_ENGLISH_SHARE = 0.10
# The English name of every language py3langid can answer (ISO 639 codes), so that a refused article
# says what it seems to be written in; "zxx" is ISO 639's code for no linguistic content. Mandarin and
# Wu or Cantonese are all "Chinese" to a reader (the model splits Chinese text between them).
LANGUAGE_NAMES = {
    "ace": "Acehnese", "af": "Afrikaans", "am": "Amharic", "an": "Aragonese", "ar": "Arabic",
    "ary": "Moroccan Arabic", "arz": "Egyptian Arabic", "as": "Assamese", "az": "Azerbaijani",
    "ba": "Bashkir", "bcl": "Central Bikol", "be": "Belarusian", "bg": "Bulgarian", "bn": "Bengali",
    "br": "Breton", "bs": "Bosnian", "ca": "Catalan", "crh": "Crimean Tatar", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "de": "German", "dz": "Dzongkha", "el": "Greek", "en": "English", "eo": "Esperanto",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "ext": "Extremaduran", "fa": "Persian",
    "fi": "Finnish", "fo": "Faroese", "fr": "French", "fuv": "Nigerian Fulfulde", "fy": "West Frisian",
    "ga": "Irish", "gcf": "Guadeloupean Creole", "gcr": "Guianese Creole", "gd": "Scottish Gaelic",
    "gl": "Galician", "gom": "Konkani", "grc": "Ancient Greek", "gu": "Gujarati", "gug": "Guarani",
    "guw": "Gun", "ha": "Hausa", "hbo": "Ancient Hebrew", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "ht": "Haitian Creole", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "ig": "Igbo",
    "is": "Icelandic", "it": "Italian", "ja": "Japanese", "jv": "Javanese", "ka": "Georgian",
    "kab": "Kabyle", "kik": "Kikuyu", "kk": "Kazakh", "km": "Khmer", "kn": "Kannada", "ko": "Korean",
    "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lb": "Luxembourgish", "lg": "Ganda", "lij": "Ligurian",
    "ln": "Lingala", "lo": "Lao", "lt": "Lithuanian", "ltg": "Latgalian", "lv": "Latvian", "mg": "Malagasy",
    "mk": "Macedonian", "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi", "ms": "Malay", "mt": "Maltese",
    "my": "Burmese", "ne": "Nepali", "nl": "Dutch", "nn": "Norwegian Nynorsk", "no": "Norwegian",
    "nso": "Northern Sotho", "oc": "Occitan", "om": "Oromo", "or": "Odia", "pa": "Punjabi",
    "pcm": "Nigerian Pidgin", "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "qu": "Quechua",
    "ro": "Romanian", "ru": "Russian", "rw": "Kinyarwanda", "sa": "Sanskrit", "sdh": "Southern Kurdish",
    "se": "Northern Sami", "si": "Sinhala", "sk": "Slovak", "sl": "Slovenian", "sn": "Shona", "so": "Somali",
    "sq": "Albanian", "sr": "Serbian", "st": "Southern Sotho", "sv": "Swedish", "sw": "Swahili",
    "ta": "Tamil", "te": "Telugu", "tg": "Tajik", "th": "Thai", "tk": "Turkmen", "tl": "Tagalog",
    "tr": "Turkish", "tt": "Tatar", "ug": "Uyghur", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek",
    "uzs": "Southern Uzbek", "vec": "Venetian", "vi": "Vietnamese", "vo": "Volapük", "wa": "Walloon",
    "wuu": "Chinese", "xh": "Xhosa", "yo": "Yoruba", "yue": "Chinese", "zh": "Chinese", "zu": "Zulu",
    "zxx": "no language",
}  # fmt: skip
# jusText's stop lists are named by the language in English, words joined by "_"; these few by another name.
STOP_LIST_NAMES = {"no": "Norwegian_Bokmal", "ht": "Haitian", "vo": "Volapuk"}
_LETTER_RUN = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _plainly_english(tokens: list[str]) -> bool:
    return sum(map(ENGLISH_FUNCTION_WORDS.__contains__, tokens)) >= PLAINLY_ENGLISH_SHARE * len(tokens)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure."""
    return _language_of_sample(text[:SAMPLE_CHARS])


# Ingest asks twice per article, the cleaner of the page and then of the article it kept, and the two
# samples are the same text for most news files (37 of 50 DUC articles); the answers of this many
# recent samples are kept (a cluster's worth: the cleaner reads every page before ingest asks again).
RECENT_SAMPLES = 256


@lru_cache(maxsize=RECENT_SAMPLES)
def _language_of_sample(sample: str) -> str | None:
    tokens = _LETTER_RUN.findall(sample.lower())
    # The scripts written without spaces are all beyond ASCII.
    unspaced = 0 if sample.isascii() else len(_UNSPACED_CHAR.findall(sample))
    if len(tokens) < MIN_WORDS and unspaced < MIN_UNSPACED_CHARS:
        return None
    if unspaced < MIN_UNSPACED_CHARS and _plainly_english(tokens):
        return "en"
    ranked = _identifier().rank(sample)
    language, probability = ranked[0]
    if language == "en":
        return language if probability >= MIN_PROBABILITY else None
    english = next((p for code, p in ranked if code == "en"), 0.0)
    return language if english <= MAX_ENGLISH_PROBABILITY else None


def language_name(code: str) -> str:
    """The language's name in English ("German"); for a code py3langid might add, "language" and the code."""
    return LANGUAGE_NAMES.get(code, f"language {code!r}")


@lru_cache(maxsize=32)
def _stop_list(name: str) -> frozenset[str] | None:
    import justext

    return justext.get_stoplist(name) if name in justext.get_stoplists() else None


def stop_words_for(text: str, english: frozenset[str]) -> frozenset[str]:
    """The stop words of the text's language: ``english`` unless the text is plainly in a language
    jusText has a stop list for (lists drawn from Wikipedia in 100 languages: Pomikálek 2011)."""
    code = detect_language(text)
    if code is None or code == "en":
        return english
    name = STOP_LIST_NAMES.get(code) or LANGUAGE_NAMES.get(code, "").replace(" ", "_")
    return (_stop_list(name) if name else None) or english
