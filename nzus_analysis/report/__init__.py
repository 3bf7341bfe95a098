"""What a reader sees: `plots` (figures in one style), `views` (the annotated article page),
`explorer` (the term explorer page) and `build` (executing the notebooks into the HTML report)."""
