#!/usr/bin/env python3
"""Adds or updates texts in all four languages of a resource set, in place.

    tools/add-texts.py web  texts.tsv   # UI texts:     src/Touchpoint.Web/Resources/SharedResource*.resx
    tools/add-texts.py core texts.tsv   # server texts: src/Touchpoint.Core/Common/Messages*.resx

texts.tsv: one text per line, tab-separated: key, English, Dutch, Swedish, Russian ('#' lines are skipped).
The .resx files are the source of truth; this only inserts or replaces the keys given and keeps the files sorted.
A test (Touchpoint.Core.Tests MessagesTests) fails when a key is missing in a language or its placeholders differ.
"""
import html, os, re, sys

SETS = {
    'web': 'src/Touchpoint.Web/Resources/SharedResource',
    'core': 'src/Touchpoint.Core/Common/Messages',
}
LANGUAGES = ['', '.nl', '.sv', '.ru']
ENTRY = re.compile(r'  <data name="(?P<key>[^"]+)" xml:space="preserve"><value>(?P<value>.*?)</value></data>\n', re.S)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in SETS:
        sys.exit(__doc__)
    rows = []
    for n, line in enumerate(open(sys.argv[2], encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        parts = line.split('\t')
        if len(parts) != 5 or not all(p.strip() for p in parts):
            sys.exit(f'line {n}: expected key and four texts separated by tabs')
        rows.append(parts)
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    for i, suffix in enumerate(LANGUAGES):
        path = os.path.join(root, SETS[sys.argv[1]] + suffix + '.resx')
        text = open(path, encoding='utf-8').read()
        entries = {m['key']: m['value'] for m in ENTRY.finditer(text)}
        head = text[:text.index('  <data ')] if '  <data ' in text else text[:text.index('</root>')]
        for row in rows:
            entries[row[0]] = html.escape(row[i + 1], quote=False)
        body = ''.join(f'  <data name="{k}" xml:space="preserve"><value>{entries[k]}</value></data>\n' for k in sorted(entries))
        open(path, 'w', encoding='utf-8').write(head + body + '</root>\n')
    print(f'{len(rows)} text(s) written to {SETS[sys.argv[1]]}{{,.nl,.sv,.ru}}.resx')


main()
