#!/usr/bin/env python3
"""Check each gold file here: JSON keys as in the dev set, every quote verbatim in the article body."""
import json, glob, sys
bad = 0
for f in sorted(glob.glob('tests/extract/data/heldout-2/*.json')):
    d = json.load(open(f, encoding='utf-8'))
    assert set(d) == {'source', 'title', 'quotes', 'entities'}, f
    assert set(d['entities']) == {'PERSON', 'ORG', 'PLACE'}, f
    text = open('../shared/corpora/' + d['source'], encoding='utf-8').read()
    title, _, body = text.partition('\n\n')
    assert d['title'] == title.strip(), f
    for q in d['quotes']:
        assert set(q) == {'text', 'speaker', 'kind'} and q['kind'] in ('full', 'partial'), (f, q)
        if q['text'] not in body:
            bad += 1; print('not in body:', f, q['text'][:60])
print('ok' if not bad else f'{bad} bad')
sys.exit(1 if bad else 0)
