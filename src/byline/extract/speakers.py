"""Who said each quote: the attribution beside it, resolved to the fullest name.

The work is split by concern; start at `attribution.py` to see why a quote
got its speaker:

* `attribution.py`: gathers candidate speakers for each quote, scores their
  evidence and decides, with a confidence;
* `speaker_sites.py`: where an attribution stands (after the quote, before
  it, in the sentence before);
* `speaker_resolve.py`: whom it names (roles, descriptions, bodies, documents);
* `speaker_names.py`: names the entity finder did not list, where a subject
  stands ("But Age Concern said", "Michelle, a mother of twins, said");
* `speaker_subjects.py`: two names that speak together ("EADS and BAE
  Systems said"), and a name that is only an object before the subject;
* `speaker_pronouns.py`: whom a pronoun stands for;
* `speaker_patterns.py`: the reporting verbs and noun-phrase patterns;
* `speaker_context.py`: the article's sentences, names and spans.
"""

from __future__ import annotations

from byline.extract.attribution import Attribution, attribute
from byline.extract.speaker_context import Context, make_context
from byline.extract.speaker_sites import speech_in_sentence
from byline.model import LOW_CONFIDENCE

__all__ = ["LOW_CONFIDENCE", "Attribution", "Context", "attribute", "make_context", "speech_in_sentence"]
