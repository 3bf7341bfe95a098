"""The text pipeline: catalog and raw files to clean articles, sentences, tokens and counting terms.

`corpus` (loading, the `Article` record), `cleaning` (page furniture as named rules), `repair`
(mojibake), `tokens` (sentences and tokens with offsets), `terms` (counting terms, spelling
folding), `cues` (the speech-cue vocabulary) and `actors` (the actor table and its mentions).
"""
