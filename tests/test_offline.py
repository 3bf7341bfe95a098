"""The whole load -> tokenize -> terms path runs with the network blocked and no NLTK data."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_pipeline_runs_with_sockets_blocked():
    script = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise RuntimeError("network access attempted")

        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        import nltk
        nltk.data.path[:] = []

        from nzus_analysis import load_corpus, sentence_table, term_table, token_table
        corpus = [a for a in load_corpus() if a.id in ('2012-globalpost-panetta', '2025-thepost-rubio-peters')]
        print(len(sentence_table(corpus)), len(token_table(corpus)), len(term_table(corpus)))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    n_sentences, n_tokens, n_terms = map(int, result.stdout.split())
    assert n_sentences == 33 and n_tokens > 800 and n_terms > 700


def test_blocking_actually_blocks():
    """Guard: the same patch makes a real connection attempt fail (so the test above can fail)."""
    script = (
        "import socket\n"
        "socket.getaddrinfo = lambda *a, **k: (_ for _ in ()).throw(RuntimeError('blocked'))\n"
        "import urllib.request\n"
        "urllib.request.urlopen('http://example.org', timeout=1)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "blocked" in result.stderr
