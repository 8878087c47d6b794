"""The strings whose LibreOffice word count becomes a test vector: chosen cases for each part of
the rule (the issue's examples among them), the Chinese sentences of the seventh collection's
notice, and mixed strings drawn from pools of tokens with a fixed seed, so every run writes the
same corpus."""

import os
import random
import re

CHOSEN = [
    # Chinese text with its punctuation
    '', '基层党建', '增强基层党组织政治功能和组织功能', '背景：党建引领，乡村振兴。', '“两个维护”',
    '‘三重一大’', '“三会一课”制度', '《中国组织人事报》', '人民网·中国共产党新闻网', '（一）背景', '一、背景',
    '【1】', '（1）', '第一段\n\n第二段', '党 建', '  党建  ', '党\u3000建', '？！', '〒100', '々〇〆',
    # Latin letters and digits, with the punctuation joined to them
    'GDP增长3.5%', '2024年1月15日', '共有 1,234 名党员', '增长了 35% ，达到 120 万元', '通过APP和e-mail报送',
    'Party building in SOEs', 'CPC News Network，2024', '3.5%', 'e-mail', 'www.example.cn',
    'https://www.12371.cn/', 'zzb@example.gov.cn', '2024-12-04', '2024/12/04', '10:00', '上午10:00',
    '1.背景', '1. 背景', '5G+智慧党建', 'A/B测试', 'VR/AR', 'C++', 'Node.js', 'No.1', 'COVID-19', '≥90%',
    '$100', '€5', '©2024', '°C', '30℃', '¥100', 'a<b', 'don’t', '“GDP”增长', 'GDP（国内）', 'a·b', 'αβγ',
    'Привет мир', 'café', 'ⅠⅡⅢ', 'Ⅱ级', '95后', 'A股', '1，234', '1 234', 'a\u00a0b', 'a–b', '2020–2024年',
    # full-width forms
    'ＡＢＣ１２３', '３．５％', '￥100', 'ｱｲｳ', '１２３４',
    # enclosed and squared characters, Bopomofo, radicals, other numbers
    '㈠㈡㈢', '100㎡', '100 ㎡', '㎏', '㎡㎏㎝', '㏄', '㍱', '㋀', '㊣', '㈱', 'ㄅㄆㄇ', 'ㆠ', 'ㇰ', '㆐', 'ㄱㄴ',
    '⺀⺁', '⼀⼁', '⿰', '︵︶', '①②③', 'ⓐⒶ⒜', '党Ⓐ建', '⑴⑵', '⒈⒉', '1½', 'm²', '100m²', 'H₂O', 'CO₂排放', 'x²³', '🈚🈶',
    # rare Han beyond the BMP, compatibility ideographs, kana
    '𠮷', '𠮷野家', '𫚉𬶨', '𪚥', '𰀀', '丽', '兀', '㐀', 'ひらがなカタカナ', '\ue000', '党\ue000建',
    # emoji
    '点赞👍很多', '👍👍 好', '👍🏻', '❤️', '🇨🇳', '👨\u200d👩\u200d👧', '党建👍', 'a👍', '🀄',
    # the examples, where the platform's rule and LibreOffice part (zi-count.test.ts)
    '积分+清单', '党建-发展', 'GDP(国内生产总值)', '(一)背景', '和/或', '“互联网+党建”', 'a , b', '%', '★',
    '——', '……', '党建𠮷', '党 𫚉',
    '党建——发展', '党\u200b建', '\ufeff党建', '党\u00ad建', '党\u2060建', 'a\u3164b', '한국어 단어',
    # invisible characters inside a word, where the two agree
    'a\u00adb', 'a\u200bb', 'a\u200cb', 'a\u200db', 'a\u2060b', 'a\ufeffb', 'a\u200eb', 'a\u202ab', 'a\ufe0fb',
    'co\u00adoperation', '\u200b',
]

HAN = ['党建', '基层', '组织', '乡村振兴', '网格化', '治理', '党员', '群众', '服务', '创新', '案例', '引领',
       '社区', '两新组织', '㐀', '々', '〇']
# LibreOffice 7.4 counts a character beyond the BMP twice when Han precedes it, even across
# spaces (党建𠮷 and 党 𠮷 are 4 and 3 to it), so the mixed strings put one after a colon, as in
# 姓名：𠮷; the chosen cases show the fault.
RARE = ['𠮷', '𫚉', '𬶨', '𪚥', '丽', '𠀀']
CJK_PUNCT = ['，', '。', '、', '；', '：', '？', '！', '（', '）', '《', '》', '「', '」', '【', '】', '〔', '〕', '～', '・',
             '￥', '％', '＋', '－']
QUOTED = ['“党建+”', '“两个维护”', '‘三会一课’', '“GDP”', '人民网·新闻网']
LATIN = ['GDP', 'APP', 'e-mail', '3.5%', '2024', '1,234', 'www.example.cn', 'https://www.12371.cn/',
         'COVID-19', '5G', 'Node.js', 'C++', 'No.1', 'A/B', 'x86', '10:00', '2024-12-04', '≥90%', '$100', '€5',
         '©2024', 'iPhone15', 'Ⅱ', 'αβγ', 'Привет', 'café', 'don’t', 'Party', 'SOEs']
FULL_WIDTH = ['ＡＢＣ', '１２３', 'ＧＤＰ', 'ｱｲｳ']
ENCLOSED = ['㈠', '㈡', '㊀', '①', '②', '⑴', '⒈', '㎡', '㎏', '㎝', '㏄', '㍱', '㋀', '🈚', '🈶', 'ㄅ', 'ㄆㄇ', 'ㆠ',
            'ひらがな', 'カタカナ']
OTHER = ['👍', '😀', '👍🏻', '❤️', '🇨🇳', 'm²', '³', 'CO₂', '½']
SPACES = [' ', ' ', '  ', '\u3000', '\n', '\u00a0', '\t']
POOLS = [HAN, HAN, HAN, RARE, CJK_PUNCT, CJK_PUNCT, QUOTED, LATIN, LATIN, FULL_WIDTH, ENCLOSED, OTHER]


def mixed(rng):
    """Tokens run together or apart; two quotations never touch (”“ apart is 、, as people write)."""
    parts = []
    previous = None
    for _ in range(rng.randint(3, 14)):
        pool = rng.choice(POOLS)
        if pool is QUOTED and previous is QUOTED:
            parts.append('、')
        token = rng.choice(pool)
        parts.append(f'：{token}' if pool is RARE else token)
        previous = pool
        if rng.random() < 0.3:
            parts.append(rng.choice(SPACES))
            previous = None
    return ''.join(parts)


def notice_sentences(root):
    """The Chinese sentences of the campaign file, as a case quotes them."""
    path = os.path.join(root, 'campaigns', 'seventh-collection.yaml')
    with open(path, encoding='utf-8') as f:
        texts = re.findall(r'^\s*zh-CN: (.+)$', f.read(), re.M)
    sentences = []
    for text in texts:
        sentences.extend(s for s in re.split(r'(?<=[。；])', text.strip("'\"")) if s)
    return sentences


def corpus(root):
    rng = random.Random(11)
    strings = CHOSEN + notice_sentences(root) + [mixed(rng) for _ in range(250)]
    seen = set()
    return [s for s in strings if not (s in seen or seen.add(s))]
