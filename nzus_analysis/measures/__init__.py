"""The measures: each reads articles (or another table) and returns a tidy table.

`keyness` (distinctive terms), `frames` (frame lexicon and its validation), `frame_classifier`
(the trained frame reading), `sentiment` and `engines` (sentence tone, exact TextBlob and VADER
ports), `stance` (tone toward a mention), `voices` (whose words a token is) and `sizes`.
Quote attribution is large enough to be its own subpackage, `nzus_analysis.quotes`.
"""
