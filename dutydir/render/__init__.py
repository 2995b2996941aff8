"""From the model to text: Markdown pages, Graphviz DOT, escaping, URLs and the words pages are searched by."""
