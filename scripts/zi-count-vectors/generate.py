#!/usr/bin/python3
"""Writes core/text/zi-count.vectors.json: LibreOffice Writer's word count of every string in
corpus.py, the reference countZi (core/text/zi-count.ts) is tested against.

LibreOffice's word count for Chinese text counts each CJK character as a word, as Word's 字数
does. Run with Debian's python3 (which has LibreOffice's UNO bridge, package python3-uno) after
`apt-get install libreoffice-writer-nogui`:

    /usr/bin/python3 scripts/zi-count-vectors/generate.py

Each string is typed into a fresh Writer document (Western language en-US, Asian language
zh-CN, LibreOffice's default settings otherwise) and the document's word count is read back.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.lang import Locale

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import corpus  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'core', 'text', 'zi-count.vectors.json')


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def libreoffice_version():
    out = subprocess.run(['soffice', '--version'], capture_output=True, text=True, check=True).stdout
    # "LibreOffice 7.4.7.2 40(Build:2)"
    return ' '.join(out.split()[:2])


def connect(pipe):
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        'com.sun.star.bridge.UnoUrlResolver', uno.getComponentContext())
    deadline = time.time() + 60
    while True:
        try:
            return resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.25)


def word_count(desktop, text):
    doc = desktop.loadComponentFromURL('private:factory/swriter', '_blank', 0, (prop('Hidden', True),))
    try:
        style = doc.StyleFamilies.getByName('ParagraphStyles').getByName('Standard')
        style.CharLocale = Locale('en', 'US', '')
        style.CharLocaleAsian = Locale('zh', 'CN', '')
        doc.Text.setString(text)
        return doc.WordCount
    finally:
        doc.close(True)


# Characters written as \u escapes in the JSON, so the vectors can be read and reviewed: the
# invisible ones, spaces other than U+0020, combining marks, private-use and unassigned code points.
ESCAPED_CATEGORIES = {'Cc', 'Cf', 'Co', 'Cn', 'Zs', 'Zl', 'Zp', 'Mn', 'Me'}
HANGUL_FILLERS = {'\u115f', '\u1160', '\u3164', '\uffa0'}


def escape(ch):
    if ch == ' ' or (unicodedata.category(ch) not in ESCAPED_CATEGORIES and ch not in HANGUL_FILLERS):
        return ch
    code = ord(ch)
    if code < 0x10000:
        return f'\\u{code:04x}'
    code -= 0x10000
    return f'\\u{0xd800 + (code >> 10):04x}\\u{0xdc00 + (code & 0x3ff):04x}'


def row_json(row):
    text = ''.join(escape(ch) for ch in json.dumps(row['text'], ensure_ascii=False))
    return f'{{"text": {text}, "count": {row["count"]}, "source": {json.dumps(row["source"])}}}'


def main():
    strings = corpus(ROOT)
    profile = tempfile.mkdtemp(prefix='zi-count-lo-')
    pipe = f'zicount{os.getpid()}'
    office = subprocess.Popen(
        ['soffice', '--headless', '--invisible', '--norestore', '--nologo', '--nodefault',
         f'-env:UserInstallation=file://{profile}', f'--accept=pipe,name={pipe};urp;'],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        source = libreoffice_version()
        rows = [{'text': s, 'count': word_count(desktop, s), 'source': source} for s in strings]
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as the office quits
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('[\n')
        f.write(',\n'.join(row_json(row) for row in rows))
        f.write('\n]\n')
    print(f'{len(rows)} vectors from {source} written to {os.path.relpath(OUT, ROOT)}')


if __name__ == '__main__':
    main()
